/**
 * Progress in localStorage (or any Storage-like object, for tests).
 *
 * `scan()` reads every entry under our prefix and sorts it into good entries and problems:
 * - damaged entries (not JSON, wrong shape, wrong key) and entries for exercises this site does
 *   not have are *set aside*: the raw text moves under ddim-notebook/set-aside/…, with the reason,
 *   so nothing is lost (it can be exported, and deleted only on request);
 * - entries written by a newer version of the site are left untouched and skipped.
 * If storage itself is unavailable (private mode, disabled cookies) or full, the store keeps
 * working in memory and says so; nothing throws into the page.
 */
import { ENTRY_PREFIX, SET_ASIDE_PREFIX, entryKey, readEntry, type EntryProblem, type ExerciseProgress } from './schema.ts';

export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StoredProblem {
  key: string;
  problem: EntryProblem;
  /**
   * True when the raw data was moved aside (false: left where it was, either because it was
   * written by a newer version or because storage had no room for the set-aside copy).
   */
  setAside: boolean;
  /** Length of the raw text in characters. */
  length: number;
}

export interface SetAsideRecord {
  key: string;
  reason: EntryProblem;
  raw: string;
  at: string;
}

/**
 * 'full': the latest save was refused (quota). Only a save sets it, and the next save that
 * succeeds clears it; moving damaged data aside at load never does (see StoredProblem.setAside).
 */
export type StorageState = 'ok' | 'unavailable' | 'full';

/**
 * A set-aside record read back, whatever is stored under its key: damaged records (not JSON,
 * missing or mistyped fields) are still listed, by their storage key, so they can be inspected,
 * exported and deleted.
 */
export function readSetAsideRecord(storageKey: string, text: string): SetAsideRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { key: storageKey, reason: { code: 'notJson' }, raw: text, at: '' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { key: storageKey, reason: { code: 'notObject' }, raw: text, at: '' };
  const r = parsed as Record<string, unknown>;
  const reason = r.reason as Record<string, unknown> | undefined;
  const reasonOk = typeof reason === 'object' && reason !== null && typeof reason.code === 'string';
  return {
    key: typeof r.key === 'string' ? r.key : storageKey,
    reason: reasonOk ? (reason as unknown as EntryProblem) : { code: 'notObject' },
    raw: typeof r.raw === 'string' ? r.raw : text,
    at: typeof r.at === 'string' ? r.at : '',
  };
}

export class ProgressStore {
  private readonly memory = new Map<string, ExerciseProgress>();
  private storage: StorageLike | null;
  state: StorageState = 'ok';

  constructor(storage: StorageLike | null | (() => StorageLike | null), private readonly known: ReadonlySet<string>) {
    try {
      this.storage = typeof storage === 'function' ? storage() : storage;
      // Touch it: some browsers expose localStorage but throw on use.
      this.storage?.getItem(ENTRY_PREFIX);
    } catch {
      this.storage = null;
    }
    if (!this.storage) this.state = 'unavailable';
  }

  /** Read everything; set aside what cannot be used. Never throws. */
  scan(): { entries: ExerciseProgress[]; problems: StoredProblem[] } {
    const problems: StoredProblem[] = [];
    if (!this.storage) return { entries: [...this.memory.values()], problems };
    const keys = this.keys().filter((k) => k.startsWith(ENTRY_PREFIX));
    for (const key of keys) {
      let raw: string | null;
      try {
        raw = this.storage.getItem(key);
      } catch {
        continue;
      }
      if (raw === null) continue;
      const read = readEntry(key, raw, this.known);
      if (read.ok) {
        this.memory.set(key, read.entry);
      } else if (read.problem.code === 'newerVersion') {
        problems.push({ key, problem: read.problem, setAside: false, length: raw.length });
      } else {
        problems.push({ key, problem: read.problem, setAside: this.moveAside(key, raw, read.problem), length: raw.length });
      }
    }
    return { entries: [...this.memory.values()], problems };
  }

  get(id: string, variant: string): ExerciseProgress | undefined {
    return this.memory.get(entryKey(id, variant));
  }

  all(): ExerciseProgress[] {
    return [...this.memory.values()];
  }

  /** Save one entry. Returns false (and sets `state`) when storage refused it; memory keeps it. */
  put(entry: ExerciseProgress): boolean {
    const key = entryKey(entry.id, entry.variant);
    this.memory.set(key, entry);
    if (!this.storage) return false;
    try {
      this.storage.setItem(key, JSON.stringify(entry));
      if (this.state === 'full') this.state = 'ok';
      return true;
    } catch {
      this.state = 'full';
      return false;
    }
  }

  remove(id: string, variant: string): void {
    const key = entryKey(id, variant);
    this.memory.delete(key);
    try {
      this.storage?.removeItem(key);
    } catch {
      /* nothing to do: it is gone from memory and will be retried by a later save */
    }
  }

  setAsideRecords(): SetAsideRecord[] {
    if (!this.storage) return [];
    const out: SetAsideRecord[] = [];
    for (const key of this.keys().filter((k) => k.startsWith(SET_ASIDE_PREFIX))) {
      let text: string | null = null;
      try {
        text = this.storage.getItem(key);
      } catch {
        /* unreadable: skipped this time */
      }
      if (text !== null) out.push(readSetAsideRecord(key, text));
    }
    return out;
  }

  /** Keep a record (e.g. one restored from an export) among the set-aside data. */
  addSetAside(record: SetAsideRecord): boolean {
    if (this.writeSetAside(record)) return true;
    if (this.storage) this.state = 'full';
    return false;
  }

  private writeSetAside(record: SetAsideRecord): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(`${SET_ASIDE_PREFIX}${record.at || new Date().toISOString()}/${record.key}`, JSON.stringify(record));
      return true;
    } catch {
      return false;
    }
  }

  /** Delete the set-aside data (only on the reader's request). */
  clearSetAside(): void {
    for (const key of this.keys().filter((k) => k.startsWith(SET_ASIDE_PREFIX))) this.storage?.removeItem(key);
  }

  /** Whether anything is stored under `key` (e.g. a damaged entry left in place). */
  hasRaw(key: string): boolean {
    try {
      return this.storage?.getItem(key) != null;
    } catch {
      return false;
    }
  }

  /** Delete what is stored under `key` (only on the reader's request). */
  removeRaw(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      /* nothing more can be done */
    }
  }

  private moveAside(key: string, raw: string, reason: EntryProblem): boolean {
    const at = new Date().toISOString();
    // No room for the copy (a huge damaged entry): leave it where it is, reported as damaged. The
    // reader's answers are not affected, so this is not a "storage full" situation.
    if (!this.writeSetAside({ key, reason, raw, at })) return false;
    try {
      this.storage!.removeItem(key);
    } catch {
      return false;
    }
    return true;
  }

  private keys(): string[] {
    const out: string[] = [];
    try {
      for (let i = 0; i < this.storage!.length; i++) {
        const k = this.storage!.key(i);
        if (k !== null) out.push(k);
      }
    } catch {
      /* storage vanished mid-scan: use what we have */
    }
    return out;
  }
}
