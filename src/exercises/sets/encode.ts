/**
 * Assignment sets travel in the link itself: /<lang>/exercises/set/?s=<payload>.
 * payload = base64url(UTF-8 JSON) + "." + checksum, the checksum (FNV-1a, base 36) catching links
 * cut short or altered by a mail client. Decoding validates every field and names what is wrong.
 */
import { fnv1a } from './hash.ts';
import { KEY_HASH_PATTERN } from './key-token.ts';

export const SET_VERSION = 1;
export const MAX_SET_EXERCISES = 60;
export const MAX_TITLE = 120;
export const MAX_LINK_PAYLOAD = 8000;

export interface AssignmentSet {
  title: string;
  /** Exercise ids in the order they appear. */
  exercises: string[];
  /** Parameters differ per student (derived from the student id); otherwise everyone gets the same version. */
  perStudent: boolean;
  /** The set's seed: another seed gives every student other numbers. */
  seed: number;
  /** Whether hints and solutions may be revealed on the set page. */
  hints: boolean;
  solutions: boolean;
  /** SHA-256 digest (32 hex digits) of the answer key's token; no key can be opened without it. */
  keyHash?: string;
}

interface Wire {
  v: number;
  t: string;
  e: string[];
  r: 0 | 1;
  s: number;
  h: 0 | 1;
  k: 0 | 1;
  q?: string;
}

export type SetProblem =
  | { code: 'missing' }
  | { code: 'tooLong' }
  | { code: 'damaged' }
  | { code: 'newerVersion'; version: number }
  | { code: 'badField'; field: string }
  | { code: 'empty' }
  | { code: 'tooMany'; max: number }
  | { code: 'duplicate'; id: string }
  | { code: 'unknownExercises'; ids: string[] };

export type Decoded = { ok: true; set: AssignmentSet } | { ok: false; problem: SetProblem };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Check a set before encoding (the composer uses the same rules as the decoder). */
export function validateSet(set: AssignmentSet, known: ReadonlySet<string>): SetProblem | null {
  if (typeof set.title !== 'string' || set.title.length > MAX_TITLE) return { code: 'badField', field: 'title' };
  if (!Array.isArray(set.exercises) || set.exercises.some((id) => typeof id !== 'string')) return { code: 'badField', field: 'exercises' };
  if (set.exercises.length === 0) return { code: 'empty' };
  if (set.exercises.length > MAX_SET_EXERCISES) return { code: 'tooMany', max: MAX_SET_EXERCISES };
  const seen = new Set<string>();
  for (const id of set.exercises) {
    if (seen.has(id)) return { code: 'duplicate', id };
    seen.add(id);
  }
  const unknown = set.exercises.filter((id) => !known.has(id));
  if (unknown.length > 0) return { code: 'unknownExercises', ids: unknown.map((id) => id.slice(0, 80)).slice(0, 10) };
  if (!Number.isInteger(set.seed) || set.seed < 0 || set.seed > 0xffffffff) return { code: 'badField', field: 'seed' };
  for (const flag of ['perStudent', 'hints', 'solutions'] as const) if (typeof set[flag] !== 'boolean') return { code: 'badField', field: flag };
  if (set.keyHash !== undefined && (typeof set.keyHash !== 'string' || !KEY_HASH_PATTERN.test(set.keyHash))) return { code: 'badField', field: 'keyHash' };
  return null;
}

export function encodeSet(set: AssignmentSet): string {
  const wire: Wire = { v: SET_VERSION, t: set.title, e: set.exercises, r: set.perStudent ? 1 : 0, s: set.seed, h: set.hints ? 1 : 0, k: set.solutions ? 1 : 0, ...(set.keyHash === undefined ? {} : { q: set.keyHash }) };
  const body = toBase64Url(JSON.stringify(wire));
  return `${body}.${fnv1a(body).toString(36)}`;
}

export function decodeSet(payload: string | null, known: ReadonlySet<string>): Decoded {
  const fail = (problem: SetProblem): Decoded => ({ ok: false, problem });
  if (payload === null || payload.trim() === '') return fail({ code: 'missing' });
  if (payload.length > MAX_LINK_PAYLOAD) return fail({ code: 'tooLong' });
  const m = /^([A-Za-z0-9_-]+)\.([0-9a-z]{1,7})$/.exec(payload.trim());
  if (!m || fnv1a(m[1]).toString(36) !== m[2]) return fail({ code: 'damaged' });
  let wire: Partial<Wire>;
  try {
    wire = JSON.parse(fromBase64Url(m[1])) as Partial<Wire>;
  } catch {
    return fail({ code: 'damaged' });
  }
  if (wire === null || typeof wire !== 'object') return fail({ code: 'damaged' });
  if (typeof wire.v === 'number' && wire.v > SET_VERSION) return fail({ code: 'newerVersion', version: wire.v });
  if (wire.v !== SET_VERSION) return fail({ code: 'badField', field: 'version' });
  const bit = (x: unknown, field: string): boolean | SetProblem => (x === 0 || x === 1 ? x === 1 : { code: 'badField', field });
  const flags = [bit(wire.r, 'perStudent'), bit(wire.h, 'hints'), bit(wire.k, 'solutions')];
  const bad = flags.find((f) => typeof f !== 'boolean');
  if (bad) return fail(bad as SetProblem);
  const set: AssignmentSet = {
    title: wire.t as string,
    exercises: wire.e as string[],
    perStudent: flags[0] as boolean,
    seed: wire.s as number,
    hints: flags[1] as boolean,
    solutions: flags[2] as boolean,
    ...(wire.q === undefined ? {} : { keyHash: wire.q }),
  };
  const problem = validateSet(set, known);
  return problem ? fail(problem) : { ok: true, set };
}

export const MAX_STUDENT_ID = 64;
const STUDENT = /^[\p{L}\p{N} ._@-]+$/u;

/** A student id: 1–64 letters (any script), digits, spaces, . _ @ -. Returns the trimmed id or null. */
export function parseStudentId(raw: string): string | null {
  const id = raw.trim().replace(/\s+/g, ' ');
  return id.length >= 1 && id.length <= MAX_STUDENT_ID && STUDENT.test(id) ? id : null;
}

/** The seed of one exercise's version for one student (deterministic). */
export function variantSeed(set: AssignmentSet, student: string | null, exerciseId: string): number {
  return fnv1a(`${set.seed}|${set.perStudent ? (student ?? '') : ''}|${exerciseId}`);
}
