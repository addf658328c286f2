import { peerIp } from './ncm-server';

describe('peerIp', () => {
  it.each([
    ['ipv4:10.0.0.5:4242', '10.0.0.5'],
    ['10.0.0.5:4242', '10.0.0.5'],
    ['[::1]:4242', '::1'],
    ['ipv6:[fe80::1]:50', 'fe80::1'],
  ])('%s -> %s', (peer, ip) => expect(peerIp(peer)).toBe(ip));
});
