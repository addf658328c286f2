import { randomBytes } from 'node:crypto';
import { isMulticast, macToNumber, normalizeMac, numberToMac, toUnicastMac } from '../src/domain/mac-address';
import { macSettingsFrom } from '../src/generation/mac-settings';
import { randomMacIn, spanOf } from '../src/generation/random-mac';

describe('MAC addresses', () => {
  it.each([
    ['fa:16:3e:0a:0b:0c', 'fa:16:3e:0a:0b:0c'],
    ['FA:16:3E:0A:0B:0C', 'fa:16:3e:0a:0b:0c'],
    ['fa-16-3e-0a-0b-0c', 'fa:16:3e:0a:0b:0c'],
    ['fa163e0a0b0c', 'fa:16:3e:0a:0b:0c'],
    ['fa16.3e0a.0b0c', 'fa:16:3e:0a:0b:0c'],
    ['fa:16:3e:a:b:c', 'fa:16:3e:0a:0b:0c'],
  ])('normalizes %s to %s', (input, expected) => expect(normalizeMac(input)).toBe(expected));

  it.each(['', 'fa:16:3e:0a:0b', 'fa:16:3e:0a:0b:0c:0d', 'fa:16-3e:0a:0b:0c', 'gg:16:3e:0a:0b:0c', ' fa:16:3e:0a:0b:0c', 'fa:16:3e:0a:0b:0c\n', '00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', 42, null])(
    'refuses %p with InvalidInput',
    (input) => expect(() => normalizeMac(input)).toThrow(expect.objectContaining({ status: 400, type: 'InvalidInput' })),
  );

  it('tells multicast from unicast by the I/G bit', () => {
    expect(isMulticast('01:00:5e:00:00:01')).toBe(true);
    expect(isMulticast('33:33:00:00:00:01')).toBe(true);
    expect(isMulticast('fa:16:3e:00:00:01')).toBe(false);
    expect(() => toUnicastMac('01:00:5E:00:00:01')).toThrow("Invalid input for operation: '01:00:5E:00:00:01' is a multicast MAC address, not valid for a port.");
    expect(toUnicastMac('02:00:00:00:00:01')).toBe('02:00:00:00:00:01');
  });

  it('converts to and from numbers over the whole 48-bit space', () => {
    for (const mac of ['00:00:00:00:00:01', 'fa:16:3e:ff:ff:ff', 'fe:ff:ff:ff:ff:ff', 'ff:ff:ff:ff:ff:fe']) expect(numberToMac(macToNumber(mac))).toBe(mac);
    expect(macToNumber('00:00:00:00:01:00')).toBe(256);
    expect(() => numberToMac(2 ** 48)).toThrow(RangeError);
  });
});

describe('random MACs', () => {
  it('are the OUI followed by the three random bytes in the default range', () => {
    const span = macSettingsFrom({ MAC_OUI: 'fa:16:3e' }).defaultSpan;
    expect(randomMacIn(span, () => Uint8Array.from([0x12, 0x34, 0x56]))).toBe('fa:16:3e:12:34:56');
    expect(randomMacIn(span, () => Uint8Array.from([0xff, 0xff, 0xff]))).toBe('fa:16:3e:ff:ff:ff');
  });

  it('stay within any range, odd sizes included, and cover it', () => {
    for (const [from, to] of [
      ['02:00:00:00:00:05', '02:00:00:00:00:07'],
      ['02:00:00:00:00:00', '02:00:00:00:00:00'],
      ['aa:bb:cc:00:00:10', 'aa:bb:cc:00:00:1f'],
    ]) {
      const span = spanOf('r', from, to);
      const seen = new Set<string>();
      for (let i = 0; i < 400; i++) {
        const mac = randomMacIn(span, (n) => randomBytes(n));
        expect(macToNumber(mac)).toBeGreaterThanOrEqual(span.first);
        expect(macToNumber(mac)).toBeLessThanOrEqual(span.last);
        seen.add(mac);
      }
      expect(seen.size).toBe(span.last - span.first + 1);
    }
  });

  it('refuse a multicast OUI at start', () => {
    expect(() => macSettingsFrom({ MAC_OUI: '01:00:5e' })).toThrow('MAC_OUI 01:00:5e is a multicast prefix');
    expect(macSettingsFrom({ MAC_OUI: 'aa:bb:cc' }).defaultSpan).toMatchObject({ rangeId: 'range0', first: macToNumber('aa:bb:cc:00:00:00'), last: macToNumber('aa:bb:cc:ff:ff:ff') });
  });
});
