/**
 * Export and import of progress as a JSON file. The file carries a format tag and a version so a
 * foreign file (another site's, a random JSON, a newer export) is recognised and refused with a
 * reason; entries inside a valid file are validated one by one, so a damaged entry is skipped and
 * reported while the others are restored.
 */
import { PROGRESS_VERSION, validateEntry, type EntryProblem, type ExerciseProgress } from './schema.ts';
import type { SetAsideRecord } from './store.ts';

export const EXPORT_FORMAT = 'ddim-notebook-progress';
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ProgressFile {
  format: typeof EXPORT_FORMAT;
  version: typeof PROGRESS_VERSION;
  exported: string;
  entries: ExerciseProgress[];
  setAside: SetAsideRecord[];
}

export function buildExport(entries: ExerciseProgress[], setAside: SetAsideRecord[], now = new Date()): ProgressFile {
  const sorted = [...entries].sort((a, b) => (a.id + a.variant).localeCompare(b.id + b.variant));
  return { format: EXPORT_FORMAT, version: PROGRESS_VERSION, exported: now.toISOString(), entries: sorted, setAside };
}

export type FileProblem =
  | { code: 'tooLarge'; max: number }
  | { code: 'notJson'; message: string }
  | { code: 'notProgressFile' }
  | { code: 'newerFile'; version: number }
  | { code: 'badFile'; field: string };

export interface ImportPlan {
  entries: ExerciseProgress[];
  setAside: SetAsideRecord[];
  skipped: { index: number; id?: string; problem: EntryProblem }[];
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; problem: FileProblem };

/** Read an export file's text. Nothing is written: the caller applies the plan. */
export function readImport(text: string, known: ReadonlySet<string>): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, problem: { code: 'tooLarge', max: MAX_IMPORT_BYTES } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { code: 'notJson', message: (error as Error).message } };
  }
  if (value === null || typeof value !== 'object' || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, problem: { code: 'notProgressFile' } };
  }
  const file = value as Record<string, unknown>;
  if (typeof file.version === 'number' && file.version > PROGRESS_VERSION) return { ok: false, problem: { code: 'newerFile', version: file.version } };
  if (file.version !== PROGRESS_VERSION) return { ok: false, problem: { code: 'badFile', field: 'version' } };
  if (!Array.isArray(file.entries)) return { ok: false, problem: { code: 'badFile', field: 'entries' } };
  const plan: ImportPlan = { entries: [], setAside: [], skipped: [] };
  file.entries.forEach((raw, index) => {
    const checked = validateEntry(raw, known);
    if (checked.ok) plan.entries.push(checked.entry);
    else {
      const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id.slice(0, 80) : undefined;
      plan.skipped.push({ index, id, problem: checked.problem });
    }
  });
  if (Array.isArray(file.setAside)) {
    for (const r of file.setAside) {
      if (r && typeof r === 'object' && typeof r.key === 'string' && typeof r.raw === 'string') {
        plan.setAside.push({ key: r.key.slice(0, 300), raw: r.raw, reason: r.reason ?? { code: 'notObject' }, at: typeof r.at === 'string' ? r.at : '' });
      }
    }
  }
  return { ok: true, plan };
}

/** File name for a download, e.g. ddim-progress-2025-03-14.json. */
export function exportFileName(now = new Date()): string {
  return `ddim-progress-${now.toISOString().slice(0, 10)}.json`;
}
