/**
 * Static checks of the reader's code before it runs (acorn's parser, positions included):
 * a syntax error with line and column, `import` refused (nothing is fetched from elsewhere), and
 * whether the function the exercise asks for is declared at the top level.
 */
import { parse, type Node } from 'acorn';

export type Inspection =
  | { ok: true }
  | { ok: false; kind: 'syntax'; line: number; column: number; message: string }
  | { ok: false; kind: 'forbidden'; what: string; line: number }
  | { ok: false; kind: 'missing' };

interface Located {
  type: string;
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

export function inspectCode(code: string, fn: string): Inspection {
  let program: Node;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (error) {
    const e = error as SyntaxError & { loc?: { line: number; column: number } };
    return { ok: false, kind: 'syntax', line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1, message: e.message.replace(/\s*\(\d+:\d+\)$/, '') };
  }
  const forbidden = findImport(program as unknown as Located);
  if (forbidden) return forbidden;
  return declares(program as unknown as Located, fn) ? { ok: true } : { ok: false, kind: 'missing' };
}

function findImport(node: Located): Inspection | null {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      stack.push(...n);
      continue;
    }
    const x = n as Located;
    if (x.type === 'ImportDeclaration' || x.type === 'ImportExpression' || (x.type === 'MetaProperty' && (x.meta as { name?: string })?.name === 'import')) {
      return { ok: false, kind: 'forbidden', what: x.type === 'MetaProperty' ? 'import.meta' : 'import', line: x.loc?.start.line ?? 1 };
    }
    for (const [key, value] of Object.entries(x)) if (key !== 'loc' && value && typeof value === 'object') stack.push(value);
  }
  return null;
}

function declares(program: Located, fn: string): boolean {
  for (const raw of program.body as Located[]) {
    const statement = raw.type === 'ExportNamedDeclaration' || raw.type === 'ExportDefaultDeclaration' ? ((raw.declaration as Located | null) ?? raw) : raw;
    if (statement.type === 'FunctionDeclaration' && (statement.id as { name?: string } | null)?.name === fn) return true;
    if (statement.type === 'VariableDeclaration') {
      for (const d of statement.declarations as Located[]) if ((d.id as { name?: string }).name === fn) return true;
    }
  }
  return false;
}
