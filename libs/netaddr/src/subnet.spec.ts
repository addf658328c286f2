import { parseCidr } from './cidr';
import { cidrsOverlap, defaultGateway } from './subnet';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(text);
  return parsed;
};

describe('subnet helpers', () => {
  it('defaults the gateway to the first host, none for tiny blocks', () => {
    expect(defaultGateway(cidr('10.77.0.0/24'))).toBe('10.77.0.1');
    expect(defaultGateway(cidr('fd00:77::/64'))).toBe('fd00:77::1');
    expect(defaultGateway(cidr('10.0.0.0/31'))).toBeNull();
    expect(defaultGateway(cidr('10.0.0.0/32'))).toBeNull();
  });

  it('detects overlapping blocks of the same version only', () => {
    expect(cidrsOverlap(cidr('10.0.0.0/16'), cidr('10.0.5.0/24'))).toBe(true);
    expect(cidrsOverlap(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
    expect(cidrsOverlap(cidr('10.0.0.0/8'), cidr('::/0'))).toBe(false);
  });
});
