// @ts-check
/**
 * Which folder of src/ may import which: the one source of the table in src/README.md
 * (tests/unit/lint/folder-imports.test.ts fails when the README's table differs from
 * `readmeTable()`) and of the lint rule that refuses an import against it
 * (./folder-imports-rule.js). A folder may always import its own files; type-only imports
 * count like any other, since a type names the module it comes from just as a value does.
 */

/**
 * @typedef {object} FolderRule
 * @property {string[]} folders Folders of src/ the row is about.
 * @property {string} holds What they hold, for the README.
 * @property {string[] | 'everything'} mayImport Other folders of src/ (or sub-folders, such as
 *   `collections/schemas`) they may import; npm packages are free unless `noModules` says so.
 * @property {string[]} [noModules] Prefixes of module names they may not import (`node:`).
 * @property {string} [importsText] The README's cell, where a list would not say it well.
 */

/** @type {FolderRule[]} */
export const FOLDER_RULES = [
  {
    folders: ['collections'],
    holds:
      "the content model: the one collection registry, zod schemas, the validator and its rules and messages, Astro's content loader",
    mayImport: ['domain', 'process'],
  },
  {
    folders: ['domain'],
    holds:
      'pure logic: time, calendars, offerings, prices, refund terms, CE credit, citations, search state, JSON-LD, labels and URLs',
    mayImport: ['collections/schemas'],
    noModules: ['node:', 'astro:'],
  },
  {
    folders: ['views'],
    holds: 'what pages show: collections joined into course views, facets, paged lists',
    mayImport: ['collections', 'domain', 'process'],
  },
  {
    folders: ['process'],
    holds:
      'what the Node process gives every module: its environment (`environment.ts`, the one reader of `process.env`) and the values every copy of a module shares (`process-shared.ts`, the one user of `globalThis`)',
    mayImport: ['domain'],
  },
  {
    folders: ['build'],
    holds:
      "what a build adds around Astro's pages: the integration, caches, social images, search index, sitemap, headers",
    mayImport: 'everything',
  },
  {
    folders: ['admin'],
    holds:
      'editor tools: Decap CMS config, the content guide, JSON Schemas, the new-course scaffold',
    mayImport: ['collections', 'domain'],
  },
  {
    folders: ['components'],
    holds: 'Astro components by feature: `course/`, `browse/`, `search/`, `site/`',
    mayImport: ['views', 'domain', 'scripts'],
    importsText: '`views/`, `domain/`, `scripts/` (in their `<script>` tags)',
  },
  {
    folders: ['layouts', 'pages'],
    holds: 'page shells and routes; they compose and render',
    mayImport: 'everything',
  },
  {
    folders: ['scripts'],
    holds: 'code bundled for the browser (local time and status, search)',
    mayImport: ['domain'],
    noModules: ['node:', 'astro:'],
  },
  {
    folders: ['styles'],
    holds: 'design tokens and cascade layers',
    mayImport: [],
  },
];

/** @param {string} name */
const code = (name) => `\`${name}\``;

/** @param {FolderRule} rule */
function importsCell(rule) {
  if (rule.importsText) return rule.importsText;
  if (rule.mayImport === 'everything') return 'anything';
  const folders = rule.mayImport.map((folder) => code(`${folder}/`)).join(', ');
  const only = rule.mayImport.some((folder) => folder.includes('/')) ? `${folders} only` : folders;
  const refused = (rule.noModules ?? []).map((prefix) => `no ${code(prefix)}`).join(', ');
  return [only || 'nothing', refused].filter((part) => part !== '').join('; ');
}

/** The table as src/README.md shows it. */
export function readmeTable() {
  const rows = FOLDER_RULES.map(
    (rule) =>
      `| ${rule.folders.map((folder) => code(`${folder}/`)).join(', ')} | ${rule.holds} | ${importsCell(rule)} |`,
  );
  return ['| folder | holds | may import |', '| --- | --- | --- |', ...rows].join('\n');
}
