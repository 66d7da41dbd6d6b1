/** Functions that fit in one head: none in the content model or the editor tools runs past 90 lines. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/fixtures.ts';

const LIMIT = 90;

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(repoRoot, folder), { recursive: true });
  return entries.filter((entry) => entry.endsWith('.ts')).map((entry) => path.join(folder, entry));
}

/** Every function of a file that is longer than the limit, as `file:line name (lines)`. */
function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (last - first + 1 > LIMIT) found.push(`${file}:${first + 1} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  it.each(['src/collections', 'src/admin'])(
    `no function in %s runs past ${LIMIT} lines`,
    async (folder) => {
      const files = await sourceFiles(folder);
      const long = await Promise.all(
        files.map(async (file) =>
          longFunctions(file, await readFile(path.join(repoRoot, file), 'utf8')),
        ),
      );
      expect(long.flat()).toEqual([]);
    },
  );
});
