// @ts-check
/**
 * The lint rule that refuses an import against the folder table (./folder-imports.js).
 * It resolves a relative import from the file it is in, so `../build/x.ts` means the same
 * thing at any depth and a sub-folder that shares a folder's name (`pages/admin/`) is no
 * false alarm, which matching the import's text (`no-restricted-imports`) cannot promise.
 * An .astro file's `<script>` tags are linted as virtual files inside it; the physical
 * file's place is what counts.
 */
import path from 'node:path';
import { FOLDER_RULES } from './folder-imports.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

/** @param {string} file @returns {string[]} the file's path in src/, by segment; [] outside it */
function srcSegments(file) {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [];
  return relative.split(path.sep);
}

/** @param {string} folder */
const ruleOf = (folder) => FOLDER_RULES.find((rule) => rule.folders.includes(folder));

/** @param {string[]} mayImport */
const allowedText = (mayImport) =>
  mayImport.length === 0
    ? 'no other folder'
    : mayImport.map((folder) => `src/${folder}/`).join(', ');

/**
 * Why `file` may not import `specifier`, or undefined when it may.
 * @param {string} file absolute path of the importing file
 * @param {string} specifier the import's text
 * @returns {string | undefined}
 */
export function importBreach(file, specifier) {
  const from = srcSegments(file);
  if (from.length < 2) return undefined; // outside src/, or a file at its top (content.config.ts)
  const folder = /** @type {string} */ (from[0]);
  const rule = ruleOf(folder);
  if (!rule) return `src/${folder}/ is not in the folder table (eslint/folder-imports.js).`;
  if (rule.mayImport === 'everything') return undefined;
  if (!specifier.startsWith('.')) {
    const prefix = rule.noModules?.find((refused) => specifier.startsWith(refused));
    return prefix && `src/${folder}/ may not import ${prefix} modules ('${specifier}').`;
  }
  const resolved = path.resolve(path.dirname(file), specifier);
  const target = srcSegments(resolved);
  if (target[0] === folder && target.length > 1) return undefined;
  const allowed = rule.mayImport.some((entry) => {
    const parts = entry.split('/');
    return target.length > parts.length && parts.every((part, index) => target[index] === part);
  });
  if (allowed) return undefined;
  const imported = path.relative(ROOT, resolved).split(path.sep).join('/');
  return `src/${folder}/ may import ${allowedText(rule.mayImport)} (the table in src/README.md), not ${imported}.`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const folderImportsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse an import the folder table in src/README.md does not allow.' },
    schema: [],
  },
  create(context) {
    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const message = importBreach(context.physicalFilename, source.value);
      if (message) context.report({ node: source, message });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
