import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../src/exercises/progress/store.ts';
import { emptyProgress, entryKey, readEntry, statusOf, validateEntry, SET_ASIDE_PREFIX } from '../../../src/exercises/progress/schema.ts';
import { buildExport, readImport } from '../../../src/exercises/progress/transfer.ts';
import { MemoryStorage } from './memory-storage.ts';

const known = new Set(['sampler-family/sigma-eta', 'errata/sigma-squared']);
const at = '2025-01-02T03:04:05.000Z';
function sample(id = 'sampler-family/sigma-eta', variant = 'default') {
  return { ...emptyProgress(id, variant), parts: { sigma: { answer: '0.1234', correct: true, attempts: 2, at } }, hints: 1, updated: at };
}

describe('progress schema', () => {
  it('validateEntry() accepts a well-formed entry and names the first bad field otherwise', () => {
    expect(validateEntry(sample(), known)).toEqual({ ok: true, entry: sample() });
    expect(validateEntry({ ...sample(), hints: -1 }, known)).toEqual({ ok: false, problem: { code: 'badField', field: 'hints' } });
    expect(validateEntry({ ...sample(), parts: { sigma: { answer: 3 } } }, known)).toEqual({ ok: false, problem: { code: 'badField', field: 'parts.sigma.answer' } });
    expect(validateEntry({ ...sample(), v: 7 }, known)).toEqual({ ok: false, problem: { code: 'newerVersion', version: 7 } });
    expect(validateEntry({ ...sample(), id: 'other/exercise' }, known)).toEqual({ ok: false, problem: { code: 'unknownExercise', id: 'other/exercise' } });
    expect(validateEntry([1, 2], known)).toEqual({ ok: false, problem: { code: 'notObject' } });
    expect(readEntry('k', '{not json', known)).toEqual({ ok: false, problem: { code: 'notJson' } });
    expect(readEntry('wrong key', JSON.stringify(sample()), known)).toEqual({ ok: false, problem: { code: 'keyMismatch' } });
  });

  it('statusOf() is solved only when every part is correct', () => {
    expect(statusOf(undefined, ['a'])).toBe('untried');
    expect(statusOf(sample(), ['sigma'])).toBe('solved');
    expect(statusOf(sample(), ['sigma', 'other'])).toBe('attempted');
    expect(statusOf(emptyProgress('x/y', 'default'), ['a'])).toBe('untried');
  });
});

describe('ProgressStore', () => {
  it('scan() keeps good entries, sets damaged and foreign ones aside with their raw text, and skips newer ones', () => {
    const storage = new MemoryStorage();
    const good = sample();
    storage.setItem(entryKey(good.id, good.variant), JSON.stringify(good));
    const damagedKey = entryKey('errata/sigma-squared', 'default');
    storage.setItem(damagedKey, '{"v":1,"id":"errata/sig');
    const foreignKey = entryKey('someone-else/thing', 'default');
    storage.setItem(foreignKey, JSON.stringify({ ...sample('someone-else/thing') }));
    const newerKey = 'ddim-notebook/exercise/v2/errata/sigma-squared@default';
    storage.setItem(newerKey, JSON.stringify({ ...sample('errata/sigma-squared'), v: 2 }));
    storage.setItem('unrelated', 'left alone');

    const store = new ProgressStore(storage, known);
    const { entries, problems } = store.scan();
    expect(entries).toEqual([good]);
    expect(problems.map((p) => [p.key, p.problem.code, p.setAside])).toEqual([
      [damagedKey, 'notJson', true],
      [foreignKey, 'unknownExercise', true],
      [newerKey, 'newerVersion', false],
    ]);
    expect(storage.getItem(damagedKey)).toBeNull();
    expect(storage.getItem(newerKey)).not.toBeNull();
    expect(storage.getItem('unrelated')).toBe('left alone');
    const aside = store.setAsideRecords();
    expect(aside.map((r) => r.raw).sort()).toEqual(['{"v":1,"id":"errata/sig', JSON.stringify(sample('someone-else/thing'))].sort());
    // A second scan finds nothing new to report except the newer entry.
    expect(new ProgressStore(storage, known).scan().problems.map((p) => p.problem.code)).toEqual(['newerVersion']);
  });

  it('put() survives a full or missing storage by keeping answers in memory', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const store = new ProgressStore(storage, known);
    expect(store.put(sample())).toBe(false);
    expect(store.state).toBe('full');
    expect(store.get('sampler-family/sigma-eta', 'default')).toEqual(sample());
    const none = new ProgressStore(() => {
      throw new DOMException('denied', 'SecurityError');
    }, known);
    expect(none.state).toBe('unavailable');
    expect(none.put(sample())).toBe(false);
    expect(none.scan().entries).toEqual([sample()]);
  });

  it('scan() reports a damaged entry too large to copy aside as damaged and left in place, not as storage full', () => {
    const storage = new MemoryStorage();
    const key = entryKey('errata/sigma-squared', 'default');
    const huge = 'x'.repeat(4_500_000);
    storage.setItem(key, huge);
    storage.quota = 5_000_000;
    const store = new ProgressStore(storage, known);
    const { problems } = store.scan();
    expect(problems).toEqual([{ key, problem: { code: 'notJson' }, setAside: false, length: huge.length }]);
    expect(store.state).toBe('ok');
    expect(storage.getItem(key)).toBe(huge);
  });

  it('put() clears the "full" state once a later save succeeds', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, known);
    storage.full = true;
    expect(store.put(sample())).toBe(false);
    expect(store.state).toBe('full');
    storage.full = false;
    expect(store.put(sample())).toBe(true);
    expect(store.state).toBe('ok');
  });

  it('setAsideRecords() lists a damaged set-aside record by its key with a reason, whatever fields it lacks', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${SET_ASIDE_PREFIX}a`, '{"raw":"x"}');
    storage.setItem(`${SET_ASIDE_PREFIX}b`, 'not json');
    storage.setItem(`${SET_ASIDE_PREFIX}c`, '[1,2]');
    storage.setItem(`${SET_ASIDE_PREFIX}d`, '{"key":5,"reason":{"nope":1},"raw":7,"at":null}');
    const records = new ProgressStore(storage, known).setAsideRecords();
    expect(records).toEqual([
      { key: `${SET_ASIDE_PREFIX}a`, reason: { code: 'notObject' }, raw: 'x', at: '' },
      { key: `${SET_ASIDE_PREFIX}b`, reason: { code: 'notJson' }, raw: 'not json', at: '' },
      { key: `${SET_ASIDE_PREFIX}c`, reason: { code: 'notObject' }, raw: '[1,2]', at: '' },
      { key: `${SET_ASIDE_PREFIX}d`, reason: { code: 'notObject' }, raw: '{"key":5,"reason":{"nope":1},"raw":7,"at":null}', at: '' },
    ]);
  });

  it('clearSetAside() deletes only the set-aside records', () => {
    const storage = new MemoryStorage();
    storage.setItem(entryKey('errata/sigma-squared', 'default'), 'garbage');
    storage.setItem(entryKey('sampler-family/sigma-eta', 'default'), JSON.stringify(sample()));
    const store = new ProgressStore(storage, known);
    store.scan();
    expect([...storage.data.keys()].some((k) => k.startsWith(SET_ASIDE_PREFIX))).toBe(true);
    store.clearSetAside();
    expect([...storage.data.keys()]).toEqual([entryKey('sampler-family/sigma-eta', 'default')]);
  });
});

describe('export and import', () => {
  it('readImport(buildExport()) restores every entry', () => {
    const entries = [sample(), sample('errata/sigma-squared', 's123')];
    const file = JSON.stringify(buildExport(entries, [], new Date(at)));
    const result = readImport(file, known);
    expect(result.ok && result.plan.entries).toEqual([sample('errata/sigma-squared', 's123'), sample()]);
  });

  it('readImport() refuses foreign and newer files and skips damaged entries while keeping the rest', () => {
    expect(readImport('hello', known)).toMatchObject({ ok: false, problem: { code: 'notJson' } });
    expect(readImport('{"format":"something-else"}', known)).toEqual({ ok: false, problem: { code: 'notProgressFile' } });
    expect(readImport(JSON.stringify({ format: 'ddim-notebook-progress', version: 3, entries: [] }), known)).toEqual({ ok: false, problem: { code: 'newerFile', version: 3 } });
    const file = buildExport([sample()], []);
    const mixed = { ...file, entries: [...file.entries, { ...sample('errata/sigma-squared'), attempts: 'x', parts: 5 }] };
    const result = readImport(JSON.stringify(mixed), known);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.entries).toEqual([sample()]);
      expect(result.plan.skipped).toEqual([{ index: 1, id: 'errata/sigma-squared', problem: { code: 'badField', field: 'parts' } }]);
    }
  });
});
