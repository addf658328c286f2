import { Global, Module } from '@nestjs/common';
import { IP_ALLOCATOR } from '@alcor/contracts';
import { InProcessIpAllocator } from './client/in-process-ip-allocator';
import { AlcorIpRangesController } from './http/alcor-ip-ranges.controller';
import { AlcorIpsController } from './http/alcor-ips.controller';
import { InternalIpamController } from './http/internal-ipam.controller';
import { AllocateIps } from './use-cases/allocate-ips/allocate-ips';
import { CreateRange } from './use-cases/create-range/create-range';
import { DeleteRange } from './use-cases/delete-range/delete-range';
import { QueryAllocations } from './use-cases/query-allocations/query-allocations';
import { QueryRanges } from './use-cases/query-ranges/query-ranges';
import { ReleaseIps } from './use-cases/release-ips/release-ips';
import { UpdateRange } from './use-cases/update-range/update-range';

/**
 * The Private IP manager (IPAM): one range per subnet, one row per allocated address. Alcor's
 * /ips API, internal endpoints for RestIpAllocator, and IP_ALLOCATOR for in-process callers.
 * No /v2.0 collection: Neutron has no IPAM resource. Global: the subnet and port managers of the
 * same process allocate through it.
 */
@Global()
@Module({
  controllers: [AlcorIpRangesController, AlcorIpsController, InternalIpamController],
  providers: [
    CreateRange,
    UpdateRange,
    DeleteRange,
    AllocateIps,
    ReleaseIps,
    QueryRanges,
    QueryAllocations,
    { provide: IP_ALLOCATOR, useClass: InProcessIpAllocator },
  ],
  exports: [IP_ALLOCATOR],
})
export class IpamModule {}
