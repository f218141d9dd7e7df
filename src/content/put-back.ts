// Putting Paperlight's elements back when the page takes them out, within a limit. A framework re-rendering a
// card may take its toolbar host with it now and then, and the host goes back each time (card-toolbar); a page
// whose own script removes our hosts as they appear would otherwise have them put back on every frame, for as
// long as the tab is open (about 170 times a second and a fifth of a core, measured on the arXiv fixture). So
// each host may be put back `times` times within `withinMs`; once it is taken out more often than that, it
// stays out, and says so (the page report, the debug log).

export interface PutBackLimit {
  times: number;
  withinMs: number;
}

/**
 * Ten put-backs within three seconds: far above a page that re-renders on a user's action or a timer (one a
 * second, say, never gets near it), and reached within a fifth of a second by a page that removes what it sees.
 */
export const PUT_BACK_LIMIT: PutBackLimit = { times: 10, withinMs: 3000 };

export class PutBacks<K> {
  /** Per host, the times of its latest put-backs (at most `times` of them), oldest first. */
  private readonly recent = new Map<K, number[]>();
  private readonly stoppedFor = new Set<K>();

  private readonly limit: PutBackLimit;
  private readonly now: () => number;
  private readonly onStop: (key: K) => void;

  constructor({ limit = PUT_BACK_LIMIT, now = () => performance.now(), onStop = () => {} }: {
    limit?: PutBackLimit;
    now?: () => number;
    /** Told once per host, when it is given up on. */
    onStop?: (key: K) => void;
  } = {}) {
    this.limit = limit;
    this.now = now;
    this.onStop = onStop;
  }

  /** May the host named by `key` be put back now? Counts the put-back when it may; once it may not, never again. */
  allow(key: K): boolean {
    if (this.stoppedFor.has(key)) return false;
    const now = this.now();
    const times = this.recent.get(key) ?? [];
    if (times.length === this.limit.times && now - times[0]! < this.limit.withinMs) {
      this.stoppedFor.add(key);
      this.recent.delete(key);
      this.onStop(key);
      return false;
    }
    if (times.length === this.limit.times) times.shift();
    times.push(now);
    this.recent.set(key, times);
    return true;
  }

  /** The host left with what it belonged to (its card gone): a new one starts afresh. */
  forget(key: K): void {
    this.recent.delete(key);
    this.stoppedFor.delete(key);
  }

  /** The hosts no longer put back, in the order they were given up on. */
  get stopped(): K[] {
    return [...this.stoppedFor];
  }
}
