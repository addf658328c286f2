import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PortEntity } from '../domain/port.entity';

/** The port's own columns, for insert/update (its addresses live in port_fixed_ips). */
export function storedColumns(port: PortEntity): QueryDeepPartialEntity<PortEntity> {
  const { fixedIps: _addresses, ...columns } = port;
  return columns as QueryDeepPartialEntity<PortEntity>;
}
