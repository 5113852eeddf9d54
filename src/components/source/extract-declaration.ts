/**
 * Cut one top-level declaration (with its leading doc comment) out of a TypeScript source file,
 * so a notebook cell can show exactly the code that ran. Uses the TypeScript parser, so the cut
 * follows the syntax tree rather than line heuristics. Runs at build time only.
 */
import ts from 'typescript';

function declaredNames(node: ts.Node): string[] {
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  }
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isEnumDeclaration(node)) &&
    node.name
  ) {
    return [node.name.text];
  }
  return [];
}

/** Names of the top-level declarations in `source`, in order. */
export function listDeclarations(source: string, fileName = 'source.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return file.statements.flatMap(declaredNames);
}

/**
 * The text of the top-level declaration called `name`, including the JSDoc block right above it.
 * Throws, listing what the file does declare, when there is no such declaration.
 */
export function extractDeclaration(source: string, name: string, fileName = 'source.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const node = file.statements.find((s) => declaredNames(s).includes(name));
  if (!node) {
    throw new Error(`${fileName} has no top-level declaration "${name}"; it declares: ${listDeclarations(source, fileName).join(', ')}`);
  }
  const jsDoc = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const start = jsDoc && jsDoc.length > 0 ? jsDoc[0].getStart(file) : node.getStart(file);
  return source.slice(start, node.getEnd());
}
