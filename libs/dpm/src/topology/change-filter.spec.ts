import { ChangeFilter } from './change-filter';

describe('ChangeFilter (at-least-once guard)', () => {
  it('drops a redelivered event id and older revisions', () => {
    const filter = new ChangeFilter();
    expect(filter.admit('e1', 'port/p', 1, 'created')).toBe(true);
    expect(filter.admit('e1', 'port/p', 1, 'created')).toBe(false);
    expect(filter.admit('e2', 'port/p', 3, 'updated')).toBe(true);
    expect(filter.admit('e3', 'port/p', 2, 'updated')).toBe(false);
    expect(filter.admit('e4', 'port/p', 3, 'updated')).toBe(false);
    expect(filter.revisionOf('port/p')).toEqual({ revision: 3, deleted: false });
  });

  it('lets a delete of the same revision win, and nothing revive the resource afterwards', () => {
    const filter = new ChangeFilter();
    filter.seed('network/n', 2);
    expect(filter.admit('u', 'network/n', 2, 'updated')).toBe(false);
    expect(filter.admit('d', 'network/n', 2, 'deleted')).toBe(true);
    expect(filter.admit('d2', 'network/n', 2, 'deleted')).toBe(false);
    expect(filter.admit('late', 'network/n', 2, 'updated')).toBe(false);
  });

  it('admits a caller-chosen id registered again after its delete', () => {
    const filter = new ChangeFilter();
    expect(filter.admit('a', 'node/n1', 2, 'deleted')).toBe(true);
    expect(filter.admit('b', 'node/n1', 1, 'created')).toBe(true);
    expect(filter.admit('c', 'node/n1', 1, 'updated')).toBe(false);
  });
});
