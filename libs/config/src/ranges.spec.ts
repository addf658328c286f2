import { loadEnvironment, ConfigurationError } from './env';
import { parseVlanRanges, parseVniRanges } from './ranges';

describe('segment ranges', () => {
  it('parses VNI ranges and rejects reversed or out-of-range ones', () => {
    expect(parseVniRanges('1:10, 100:200')).toEqual([{ min: 1, max: 10 }, { min: 100, max: 200 }]);
    expect(() => parseVniRanges('10:1')).toThrow(ConfigurationError);
    expect(() => parseVniRanges('1:16777216')).toThrow(ConfigurationError);
  });

  it('parses VLAN ranges per physical network', () => {
    expect(parseVlanRanges('physnet1:100:200,physnet2')).toEqual([{ physicalNetwork: 'physnet1', min: 100, max: 200 }]);
    expect(() => parseVlanRanges('p:0:10')).toThrow(ConfigurationError);
  });
});

describe('environment', () => {
  it('applies defaults and rejects bad values clearly', () => {
    expect(loadEnvironment({}).DATA_DIR).toBe('./.data');
    expect(() => loadEnvironment({ API_PORT: 'abc' })).toThrow(/API_PORT/);
  });
});
