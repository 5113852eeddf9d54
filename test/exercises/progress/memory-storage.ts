/** A Storage stand-in for unit tests: a Map, optionally refusing writes (quota) or every call. */
import type { StorageLike } from '../../../src/exercises/progress/store.ts';

export class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  full = false;
  /** Most characters (keys + values) held, like a browser's quota; Infinity by default. */
  quota = Infinity;
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    let used = k.length + v.length;
    for (const [key, value] of this.data) if (key !== k) used += key.length + value.length;
    if (used > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}
