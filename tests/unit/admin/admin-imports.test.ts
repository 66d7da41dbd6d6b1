/**
 * The admin page bundles the validator (decap-config.ts's prepareEntry): what it imports must
 * run in a browser and stay small, so no Node module, no native Markdown parser, no holiday data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/fixtures.ts';

/** The packages a module loads at run time, through every relative import (type-only ones left out). */
function packagesLoadedBy(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    // `import type` is a phase modifier of the import clause since TypeScript 5.9 (`import defer` is the other).
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword
      : statement.isTypeOnly;
    const specifier = statement.moduleSpecifier;
    if (typeOnly || !specifier || !ts.isStringLiteral(specifier)) continue;
    if (!specifier.text.startsWith('.')) packages.add(specifier.text);
    else
      for (const name of packagesLoadedBy(path.resolve(path.dirname(file), specifier.text), seen))
        packages.add(name);
  }
  return packages;
}

describe('what the admin page loads to check an entry', () => {
  it('is the validator and zod, nothing that needs Node', () => {
    const loaded = packagesLoadedBy(path.join(repoRoot, 'src/admin/decap-config.ts'));
    expect([...loaded]).toEqual(['zod']);
  });
});
