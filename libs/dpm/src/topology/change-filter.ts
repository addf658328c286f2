/** How many event ids are remembered for deduplication (oldest forgotten first). */
const REMEMBERED_EVENT_IDS = 200_000;

interface Known {
  revision: number;
  deleted: boolean;
}

/**
 * At-least-once delivery guard: drops a redelivered event (same eventId) and a stale one (an
 * older revision of a resource than already applied). A delete carries the resource's last
 * revision, so it wins over an upsert of the same revision, and nothing of that revision or older
 * revives the resource afterwards. Seeded from the store listing on (re)start.
 */
export class ChangeFilter {
  private readonly seen = new Set<string>();
  private readonly known = new Map<string, Known>();

  /** Records what the store of record holds (rebuild). */
  seed(key: string, revision: number): void {
    this.known.set(key, { revision, deleted: false });
  }

  /** True when the event must be applied; records it as applied. */
  admit(eventId: string, key: string, revision: number, change: 'created' | 'updated' | 'deleted'): boolean {
    if (this.seen.has(eventId)) return false;
    this.remember(eventId);
    const isDelete = change === 'deleted';
    const known = this.known.get(key);
    // A caller-chosen id (nodes) may be registered again after a delete: a new incarnation.
    const reborn = known?.deleted === true && change === 'created';
    if (known && !reborn) {
      if (revision < known.revision) return false;
      if (revision === known.revision && (known.deleted || !isDelete)) return false;
    }
    this.known.set(key, { revision, deleted: isDelete });
    return true;
  }

  /**
   * For deltas that share their parent's revision (a bulk of security-group rules all carry the
   * group's new revision): true on an event id's first sight when the parent is alive and not
   * newer; records the revision. The delta itself must be idempotent.
   */
  admitDelta(eventId: string, parentKey: string, revision: number): boolean {
    if (this.seen.has(eventId)) return false;
    this.remember(eventId);
    const known = this.known.get(parentKey);
    if (!known || known.deleted || revision < known.revision) return false;
    known.revision = revision;
    return true;
  }

  revisionOf(key: string): { revision: number; deleted: boolean } | undefined {
    return this.known.get(key);
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    if (this.seen.size > REMEMBERED_EVENT_IDS) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
