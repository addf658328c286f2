import { eui64Address, parseMac } from './eui64';

describe('EUI-64 addresses', () => {
  it('derives the SLAAC address Neutron showed for a port', () => {
    expect(eui64Address('fd00:77::/64', 'fa:16:3e:00:77:01')).toBe('fd00:77::f816:3eff:fe00:7701');
  });

  it('flips the universal/local bit both ways and accepts upper case and dashes', () => {
    expect(eui64Address('2001:db8::/64', '00:11:22:33:44:55')).toBe('2001:db8::211:22ff:fe33:4455');
    expect(eui64Address('2001:db8:1:2::/64', '02-00-00-00-00-01')).toBe('2001:db8:1:2:0:ff:fe00:1');
    expect(eui64Address('2001:db8::/48', 'FA:16:3E:AA:BB:CC')).toBe('2001:db8::f816:3eff:feaa:bbcc');
  });

  it('refuses what has no EUI-64 address', () => {
    expect(() => eui64Address('10.0.0.0/24', 'fa:16:3e:00:77:01')).toThrow(RangeError);
    expect(() => eui64Address('fd00::/80', 'fa:16:3e:00:77:01')).toThrow(RangeError);
    expect(() => eui64Address('fd00::/64', 'fa:16:3e:00:77')).toThrow(RangeError);
    expect(parseMac('fa:16:3e:00:77:zz')).toBeUndefined();
    expect(parseMac('fa:16:3e:00:77:01')).toBe(0xfa163e007701n);
  });
});
