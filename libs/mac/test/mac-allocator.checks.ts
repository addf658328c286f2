import { randomUUID } from 'node:crypto';
import { MacAllocator, MacRequest } from '@alcor/contracts';
import { GENERATED } from './mac-service';

export interface AllocatorUnderTest {
  allocator: MacAllocator;
  countRows(scope?: string): Promise<number>;
}

const request = (networkId: string, macAddress?: string): MacRequest => ({
  networkId,
  portId: randomUUID(),
  projectId: 'p1',
  ...(macAddress !== undefined ? { macAddress } : {}),
});

const inUse = (networkId: string, mac: string) => ({
  status: 409,
  type: 'MacAddressInUse',
  message: `Unable to complete operation for network ${networkId}. The mac address ${mac} is in use.`,
});

/**
 * The MacAllocator contract, written once and run against every implementation (in-process and
 * REST), so a split deployment behaves exactly as the standalone one.
 */
export function macAllocatorChecks(target: () => AllocatorUnderTest): void {
  it('generates unicast MACs with the OUI, unique, in request order', async () => {
    const { allocator, countRows } = target();
    const network = randomUUID();
    const requests = Array.from({ length: 25 }, () => request(network));
    const allocated = await allocator.allocate(requests);
    expect(allocated.map((a) => a.portId)).toEqual(requests.map((r) => r.portId));
    expect(allocated.every((a) => a.networkId === network && GENERATED.test(a.macAddress))).toBe(true);
    expect(new Set(allocated.map((a) => a.macAddress)).size).toBe(25);
    expect(await countRows(network)).toBe(25);
  });

  it('accepts a chosen MAC in any notation and returns it normalized', async () => {
    const { allocator } = target();
    const network = randomUUID();
    const [dashed, outsideOui] = await allocator.allocate([request(network, 'FA-16-3E-AA-BB-01'), request(network, '02:00:00:00:00:01')]);
    expect(dashed.macAddress).toBe('fa:16:3e:aa:bb:01');
    expect(outsideOui.macAddress).toBe('02:00:00:00:00:01');
  });

  it('refuses a MAC taken in the same network (MacAddressInUse) but allows it in another network', async () => {
    const { allocator, countRows } = target();
    const [first, second] = [randomUUID(), randomUUID()];
    await allocator.allocate([request(first, 'fa:16:3e:00:00:42')]);
    await expect(allocator.allocate([request(first, 'FA:16:3E:00:00:42')])).rejects.toMatchObject(inUse(first, 'fa:16:3e:00:00:42'));
    const [other] = await allocator.allocate([request(second, 'fa:16:3e:00:00:42')]);
    expect(other).toMatchObject({ networkId: second, macAddress: 'fa:16:3e:00:00:42' });
    expect(await countRows(first)).toBe(1);
    expect(await countRows(second)).toBe(1);
  });

  it('allocates all or none: one taken MAC leaves nothing of the call behind', async () => {
    const { allocator, countRows } = target();
    const network = randomUUID();
    await allocator.allocate([request(network, 'fa:16:3e:00:01:00')]);
    const call = [request(network), request(network, 'fa:16:3e:00:01:01'), request(network, 'fa:16:3e:00:01:00')];
    await expect(allocator.allocate(call)).rejects.toMatchObject(inUse(network, 'fa:16:3e:00:01:00'));
    // The same MAC twice in one call conflicts with itself.
    await expect(allocator.allocate([request(network, 'fa:16:3e:00:01:02'), request(network, 'fa:16:3e:00:01:02')])).rejects.toMatchObject(
      inUse(network, 'fa:16:3e:00:01:02'),
    );
    expect(await countRows(network)).toBe(1);
    const [free] = await allocator.allocate([request(network, 'fa:16:3e:00:01:01')]);
    expect(free.macAddress).toBe('fa:16:3e:00:01:01');
  });

  it('releases exactly once, idempotently, and a released MAC can be allocated again', async () => {
    const { allocator, countRows } = target();
    const [network, other] = [randomUUID(), randomUUID()];
    const [kept, freed] = await allocator.allocate([request(network), request(network)]);
    await allocator.allocate([request(other, freed.macAddress)]);
    await allocator.release([{ networkId: network, macAddress: freed.macAddress.toUpperCase() }]);
    expect(await countRows(network)).toBe(1);
    // Releasing again, or releasing what was never allocated, is not an error and frees nothing else.
    await allocator.release([
      { networkId: network, macAddress: freed.macAddress },
      { networkId: network, macAddress: 'fa:16:3e:ff:ff:fe' },
    ]);
    await allocator.release([]);
    expect(await countRows(network)).toBe(1);
    expect(await countRows(other)).toBe(1);
    const [again] = await allocator.allocate([request(network, freed.macAddress)]);
    expect(again.macAddress).toBe(freed.macAddress);
    await expect(allocator.allocate([request(network, kept.macAddress)])).rejects.toMatchObject({ status: 409 });
  });

  it('refuses malformed, multicast and reserved MACs with 400 InvalidInput, allocating nothing', async () => {
    const { allocator, countRows } = target();
    const network = randomUUID();
    const cases: [string, string][] = [
      ['fa:16:3e:00:00', "Invalid input for operation: 'fa:16:3e:00:00' is not a valid MAC address."],
      ['zz:16:3e:00:00:01', "Invalid input for operation: 'zz:16:3e:00:00:01' is not a valid MAC address."],
      ['00:00:00:00:00:00', "Invalid input for operation: '00:00:00:00:00:00' is not a valid MAC address."],
      ['ff:ff:ff:ff:ff:ff', "Invalid input for operation: 'ff:ff:ff:ff:ff:ff' is not a valid MAC address."],
      ['01:00:5e:00:00:01', "Invalid input for operation: '01:00:5e:00:00:01' is a multicast MAC address, not valid for a port."],
    ];
    for (const [mac, message] of cases) {
      await expect(allocator.allocate([request(network), request(network, mac)])).rejects.toMatchObject({ status: 400, type: 'InvalidInput', message });
    }
    expect(await countRows(network)).toBe(0);
    expect(await allocator.allocate([])).toEqual([]);
  });
}
