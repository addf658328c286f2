import fc from 'fast-check';
import { bigIntToIp, canonicalIp, formatIp, ipToBigInt, parseIp } from './address';

describe('IP addresses', () => {
  it('parses IPv4 dotted quads and refuses the ambiguous forms', () => {
    expect(parseIp('10.77.0.1')).toEqual({ version: 4, value: 0x0a4d0001n });
    expect(parseIp('0.0.0.0')).toEqual({ version: 4, value: 0n });
    expect(parseIp('255.255.255.255')).toEqual({ version: 4, value: 0xffffffffn });
    for (const bad of ['10.1', '010.0.0.1', '0x0a.0.0.1', '10.0.0.256', ' 10.0.0.1', '10.0.0.1 ', '', 'abc', '1.2.3.4.5']) {
      expect(parseIp(bad)).toBeUndefined();
    }
  });

  it('parses IPv6 in any spelling and writes RFC 5952 text', () => {
    expect(canonicalIp('FD00:0077:0000:0000:0000:0000:0000:0001')).toBe('fd00:77::1');
    expect(canonicalIp('::')).toBe('::');
    expect(canonicalIp('::1')).toBe('::1');
    expect(canonicalIp('1::')).toBe('1::');
    // The longest zero run is compressed; the first one on a tie; a single zero group is not.
    expect(canonicalIp('1:0:0:2:0:0:0:3')).toBe('1:0:0:2::3');
    expect(canonicalIp('1:0:0:2:0:0:3:4')).toBe('1::2:0:0:3:4');
    expect(canonicalIp('1:2:3:4:5:6:0:8')).toBe('1:2:3:4:5:6:0:8');
    expect(canonicalIp('fe80::1%eth0')).toBeUndefined();
    expect(canonicalIp('fd00::g')).toBeUndefined();
    expect(canonicalIp('1:2:3:4:5:6:7:8:9')).toBeUndefined();
  });

  it('converts to and from numbers', () => {
    expect(ipToBigInt('fd00:77::f816:3eff:fe00:7701')).toBe(0xfd00007700000000f8163efffe007701n);
    expect(bigIntToIp(0x0a4d00ffn, 4)).toBe('10.77.0.255');
    expect(() => bigIntToIp(1n << 32n, 4)).toThrow(RangeError);
    expect(() => bigIntToIp(-1n, 6)).toThrow(RangeError);
    expect(() => ipToBigInt('nope')).toThrow(RangeError);
  });

  it('round-trips every IPv4 and IPv6 number through its canonical text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (value) => {
        expect(ipToBigInt(bigIntToIp(value, 4))).toBe(value);
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (value) => {
        const text = formatIp({ version: 6, value });
        expect(parseIp(text)).toEqual({ version: 6, value });
        expect(canonicalIp(text)).toBe(text);
      }),
    );
  });
});
