/**
 * Coverage of a chapter: which display equations assert an equality, and which of those are bound
 * to a claim (wrapped in <Claim id="…">…</Claim>). Reads the MDX source as text; pure, so the build
 * (the coverage line on each page) and the tests share it.
 *
 * Rules
 * - A display equation is a `$$ … $$` block outside fenced code.
 * - It asserts an equality when, after removing \text{…}, sub- and superscripts (`_{…}`, `^{…}`,
 *   `_x`) and definitions (`:=`, `\coloneqq`, `\triangleq`), an `=` is left. So `\sum_{s=1}` does
 *   not count, `α_0 := 1` alone does not count, and every line `&= …` of a chain does.
 * - Each <Claim> wraps exactly one display equation.
 */

export interface DisplayEquation {
  tex: string;
  /** 1-based line of the opening $$ in the file. */
  line: number;
  assertsEquality: boolean;
  /** The claim id wrapping it, if any. */
  claim: string | null;
}

export interface Coverage {
  displays: DisplayEquation[];
  /** Display equations that assert an equality. */
  equalities: number;
  /** … of which bound to a claim. */
  bound: number;
  /** Every id used in <Claim id="…">, in order. */
  claimIds: string[];
}

function stripGroups(tex: string, opener: RegExp): string {
  let out = tex;
  for (let guard = 0; guard < 1000; guard++) {
    const m = opener.exec(out);
    if (!m) break;
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (let i = end; i < out.length; i++) {
      if (out[i] === '{') depth++;
      else if (out[i] === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    out = out.slice(0, m.index) + ' ' + out.slice(end + 1);
  }
  return out;
}

/** Does this TeX assert an equality (see the rules above)? */
export function assertsEquality(tex: string): boolean {
  let t = stripGroups(tex, /\\text\{/);
  t = stripGroups(t, /[_^]\{/);
  t = t.replace(/[_^](\\[a-zA-Z]+|.)/g, ' ');
  t = t.replace(/:=|\\coloneqq|\\triangleq|\\eqqcolon|=:/g, ' ');
  return t.includes('=');
}

/** Scan one MDX file. Throws on a <Claim> without exactly one display equation, or unclosed tags. */
export function scanMdx(source: string): Coverage {
  // Blank out fenced code so that $$ inside it is not read as math (keeps offsets and line numbers).
  const text = source.replace(/^```[\s\S]*?^```/gm, (m) => m.replace(/[^\n]/g, ' '));
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const tags: { at: number; open: boolean; id?: string }[] = [];
  for (const m of text.matchAll(/<Claim\b[^>]*?\bid="([^"]+)"[^>]*>|<\/Claim>/g)) {
    tags.push({ at: m.index!, open: m[0] !== '</Claim>', id: m[1] });
  }
  const displays: DisplayEquation[] = [];
  for (const m of text.matchAll(/\$\$([\s\S]*?)\$\$/g)) {
    const at = m.index!;
    let claim: string | null = null;
    for (const tag of tags) {
      if (tag.at > at) break;
      claim = tag.open ? tag.id! : null;
    }
    displays.push({ tex: m[1].trim(), line: lineAt(at), assertsEquality: assertsEquality(m[1]), claim });
  }
  // Each Claim wraps exactly one display.
  let open: { at: number; id: string } | null = null;
  for (const tag of tags) {
    if (tag.open) {
      if (open) throw new Error(`<Claim id="${open.id}"> (line ${lineAt(open.at)}) is not closed before the next <Claim>`);
      open = { at: tag.at, id: tag.id! };
    } else {
      if (!open) throw new Error(`</Claim> at line ${lineAt(tag.at)} closes nothing`);
      const inside = displays.filter((d) => d.claim === open!.id && d.line >= lineAt(open!.at) && d.line <= lineAt(tag.at));
      if (inside.length !== 1) throw new Error(`<Claim id="${open.id}"> (line ${lineAt(open.at)}) must wrap exactly one $$ … $$ display, found ${inside.length}`);
      open = null;
    }
  }
  if (open) throw new Error(`<Claim id="${open.id}"> (line ${lineAt(open.at)}) is never closed`);
  const equalities = displays.filter((d) => d.assertsEquality);
  return {
    displays,
    equalities: equalities.length,
    bound: equalities.filter((d) => d.claim !== null).length,
    claimIds: tags.filter((t) => t.open).map((t) => t.id!),
  };
}

/** The bound equalities of a chapter split by route (types.ts, "Routes"). */
export interface RouteCounts {
  /** Bound to a claim whose sides are computed by different routes: counted as checks. */
  checked: number;
  definitions: number;
  construction: number;
}

/**
 * Split the bound equalities by the route of their claim (`routeOf` reads the registry, so this file
 * stays a pure scanner of MDX text).
 */
export function countRoutes(coverage: Coverage, routeOf: (id: string) => 'check' | 'definition' | 'construction'): RouteCounts {
  const counts: RouteCounts = { checked: 0, definitions: 0, construction: 0 };
  for (const d of coverage.displays) {
    if (!d.assertsEquality || d.claim === null) continue;
    const route = routeOf(d.claim);
    if (route === 'definition') counts.definitions++;
    else if (route === 'construction') counts.construction++;
    else counts.checked++;
  }
  return counts;
}
