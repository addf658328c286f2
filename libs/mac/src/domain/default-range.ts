import { conflict } from '@alcor/neutron-api';
import { DEFAULT_RANGE_ID } from '../generation/mac-settings';

/** range0 mirrors MAC_OUI, which is what allocations without a range draw from: not editable. */
export function refuseDefaultRange(id: string, action: 'update' | 'delete'): void {
  if (id !== DEFAULT_RANGE_ID) return;
  throw conflict(
    'MacRangeInUse',
    action === 'delete'
      ? `It is not allowed to delete the default MAC range ${DEFAULT_RANGE_ID}.`
      : `It is not allowed to change the default MAC range ${DEFAULT_RANGE_ID}: it follows MAC_OUI.`,
  );
}
