/**
 * tfjs-core 4.22 reads the page's query string once, when it is first imported (its
 * `Environment` constructor calls `populateURLFlags`): it decodes every key and value with
 * `decodeURIComponent`, so a malformed escape anywhere in the query (`?utm=%`) throws and the
 * import fails; and `?tfjsflags=NAME:value,…` sets tfjs flags from any link (`DEBUG:true`; a flag
 * without a value throws too). The environment has no switch that acts before that first read:
 * `env().getQueryParams` (replaced in tf-browser.ts) and `env().reset()` only govern later reads.
 *
 * So before any widget loads tfjs, the query is made safe for that first read: `tfjsflags` keys
 * are dropped (this site has no such parameter) and, when an escape is malformed, the query is
 * re-encoded the way `URLSearchParams` reads it (`%` becomes `%25`), which changes no value any
 * widget reads.
 */

/** The same pattern tfjs's `getQueryParams` scans with. */
const TFJS_PARAM = /[?&]([^=?&]+)(?:=([^&]*))?/g;
const FLAGS_KEY = 'tfjsflags';

function decodesCleanly(search: string): boolean {
  for (const match of search.matchAll(TFJS_PARAM)) {
    try {
      decodeURIComponent(match[1]);
      decodeURIComponent(match[2] ?? '');
    } catch {
      return false;
    }
  }
  return true;
}

function namesFlags(search: string): boolean {
  for (const match of search.matchAll(TFJS_PARAM)) {
    let name: string;
    try {
      name = decodeURIComponent(match[1]);
    } catch {
      name = match[1];
    }
    if (name === FLAGS_KEY) return true;
  }
  return false;
}

/**
 * The query string tfjs may safely read (with its leading "?", or "" when empty), or null when
 * `search` is already safe and should be left as it is.
 */
export function tfjsSafeSearch(search: string): string | null {
  if (decodesCleanly(search) && !namesFlags(search)) return null;
  const params = new URLSearchParams(search);
  params.delete(FLAGS_KEY);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Apply `tfjsSafeSearch` to the address bar (history.replaceState; no navigation). */
export function makeQuerySafeForTfjs(): void {
  const safe = tfjsSafeSearch(location.search);
  if (safe === null) return;
  history.replaceState(history.state, '', `${location.pathname}${safe}${location.hash}`);
}
