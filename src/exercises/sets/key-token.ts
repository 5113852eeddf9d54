/**
 * The answer key's link secret. The composer draws a random token, puts its SHA-256 digest in the
 * set (so in every student's link) and the token itself only in the instructor's key link, after
 * `#` so it never reaches a server log. The set page shows keys only for a token whose digest
 * matches. A student cannot turn their link into the key link without the token.
 *
 * What it does not do: the site is static and checks answers in the reader's browser, so the
 * answers are computable from any set link by someone who reads the page's code. The token stops
 * casual access (editing the link), not a determined student.
 */

/** Bytes of randomness in a token (128 bits). */
export const KEY_TOKEN_BYTES = 16;
/** Hex digits of the SHA-256 digest kept in the set (128 bits). */
export const KEY_HASH_HEX = 32;
export const KEY_HASH_PATTERN = /^[0-9a-f]{32}$/;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A fresh token, base64url without padding (22 characters). `random` fills a byte array. */
export function newKeyToken(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(KEY_TOKEN_BYTES));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Whether `crypto.subtle` exists here (browsers expose it only on https and localhost pages). */
export function canHashKeys(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.subtle?.digest === 'function';
}

/** The digest stored in the set: the first 32 hex digits of SHA-256(token). */
export async function keyHashOf(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, KEY_HASH_HEX);
}

/** Whether `token` (from the key link) opens the key of a set whose digest is `keyHash`. */
export async function tokenOpensKey(token: string | null, keyHash: string | undefined): Promise<boolean> {
  if (!token || !keyHash || !TOKEN_PATTERN.test(token)) return false;
  return (await keyHashOf(token)) === keyHash;
}
