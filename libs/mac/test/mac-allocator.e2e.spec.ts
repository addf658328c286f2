import { storeKinds } from '@alcor/testing';
import { RestMacAllocator } from '../src/client/rest-mac.allocator';
import { AllocatorUnderTest, macAllocatorChecks } from './mac-allocator.checks';
import { MacFixture, startMacService } from './mac-service';

describe.each(storeKinds())('MacAllocator on %s', (kind) => {
  let f: MacFixture;
  beforeAll(async () => (f = await startMacService(kind)));
  afterAll(() => f?.service.close());

  const implementations: [string, () => AllocatorUnderTest][] = [
    ['in-process', () => ({ allocator: f.allocator, countRows: f.countRows })],
    ['REST', () => ({ allocator: new RestMacAllocator(f.service.baseUrl), countRows: f.countRows })],
  ];
  describe.each(implementations)('%s', (_name, target) => macAllocatorChecks(target));
});
