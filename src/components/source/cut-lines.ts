/**
 * Cut a run of lines out of a declaration's source: from the line that starts with the `from`
 * marker (e.g. "// 3.") up to, not including, the line that starts with `to` (or to the end), with
 * the common indentation removed. Runs at build time; throws when a marker is missing, so a page
 * cannot silently show the wrong lines after the code changes.
 */
export function cutLines(code: string, from: string, to?: string, where = 'source'): string {
  const lines = code.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith(from));
  if (start < 0) throw new Error(`${where}: no line starts with "${from}"`);
  let end = lines.length;
  if (to !== undefined) {
    end = lines.findIndex((l, i) => i > start && l.trim().startsWith(to));
    if (end < 0) throw new Error(`${where}: no line after "${from}" starts with "${to}"`);
  }
  const chunk = lines.slice(start, end);
  while (chunk.length > 0 && chunk[chunk.length - 1].trim() === '') chunk.pop();
  const indent = Math.min(...chunk.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return chunk.map((l) => l.slice(indent)).join('\n');
}
