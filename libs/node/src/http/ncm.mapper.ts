import { neutronTime } from '@alcor/neutron-api';
import { NcmEntity } from '../domain/ncm.entity';

/** Alcor's NcmInfo JSON ({id, uri, cap}) plus the standard revision and timestamps. */
export interface NcmInfo {
  id: string;
  uri: string;
  cap: number;
  revision_number: number;
  created_at: string;
  updated_at: string;
}

export function toNcmInfo(entity: NcmEntity): NcmInfo {
  return {
    id: entity.id,
    uri: entity.uri,
    cap: entity.cap,
    revision_number: entity.revisionNumber,
    created_at: neutronTime(entity.createdAt),
    updated_at: neutronTime(entity.updatedAt),
  };
}
