/** A Storage stand-in for unit tests: a Map, optionally refusing writes (quota) or every call. */
import type { StorageLike } from '../../../src/exercises/progress/store.ts';

export class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  full = false;
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
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}
