/** Where the DPM rebuilds its index from on start. */
export interface DpmOptions {
  /** in-process: the managers of this process, through their own listing routes (standalone); remote: *_MANAGER_URL. */
  topologySource: 'in-process' | 'remote';
}

export const DPM_OPTIONS = Symbol('DpmOptions');
