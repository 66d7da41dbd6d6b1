import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { FOLDER_RULES, readmeTable } from '../../../eslint/folder-imports.js';
import { importBreach } from '../../../eslint/folder-imports-rule.js';

const root = path.resolve(import.meta.dirname, '../../..');
const src = path.join(root, 'src');
const eslint = new ESLint({ cwd: root });

/** The folder rule's messages for `code` as if it were the file at `filePath`. */
async function folderMessages(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line }));
}

describe('the folder table', () => {
  it('is the table src/README.md shows (paste this table there when it changes)', () => {
    const readme = readFileSync(path.join(src, 'README.md'), 'utf8');
    const start = readme.indexOf('| folder |');
    const shown = readme.slice(start, readme.indexOf('\n\n', start));
    expect(shown).toBe(readmeTable());
  });

  it('names every folder of src/, and only those', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(FOLDER_RULES.flatMap((rule) => rule.folders).sort()).toEqual(folders.sort());
  });
});

describe('importBreach', () => {
  const from = (file: string) => path.join(src, file);

  it('resolves an import from its file, so depth and same-named sub-folders do not matter', () => {
    expect(importBreach(from('domain/time/clock.ts'), '../../collections/schemas/site.ts')).toBe(
      undefined,
    );
    expect(importBreach(from('domain/time/clock.ts'), '../offerings/money.ts')).toBe(undefined);
    expect(
      importBreach(from('components/search/Search.astro'), '../../scripts/search-page.ts'),
    ).toBe(undefined);
    expect(importBreach(from('pages/admin/config.yml.ts'), '../../admin/decap-config.ts')).toBe(
      undefined,
    );
  });

  it('refuses a folder the row does not name, a file at the top of src/ and a refused module', () => {
    expect(importBreach(from('domain/ce/professions.ts'), '../../collections/registry.ts')).toBe(
      'src/domain/ may import src/collections/schemas/ (the table in src/README.md), not src/collections/registry.ts.',
    );
    expect(importBreach(from('collections/registry.ts'), '../content.config.ts')).toBe(
      'src/collections/ may import src/domain/, src/process/ (the table in src/README.md), not src/content.config.ts.',
    );
    expect(importBreach(from('process/process-shared.ts'), '../build/lock.ts')).toBe(
      'src/process/ may import src/domain/ (the table in src/README.md), not src/build/lock.ts.',
    );
    expect(importBreach(from('styles/tokens.ts'), '../domain/slug.ts')).toBe(
      'src/styles/ may import no other folder (the table in src/README.md), not src/domain/slug.ts.',
    );
    expect(importBreach(from('scripts/course-time.ts'), 'astro:content')).toBe(
      "src/scripts/ may not import astro: modules ('astro:content').",
    );
  });
});

describe('npm run lint', () => {
  it('refuses an import from src/domain/ into src/build/, type-only too, and passes an allowed one', async () => {
    const code = [
      "import type { BuildCache } from '../build/build-cache.ts';",
      "import { readFile } from 'node:fs/promises';",
      "import type { Course } from '../collections/schemas/course.ts';",
      'export type Both = [BuildCache, Course, typeof readFile];',
      '',
    ].join('\n');
    expect(await folderMessages(code, 'src/domain/example.ts')).toEqual([
      {
        ruleId: 'site/folder-imports',
        message:
          'src/domain/ may import src/collections/schemas/ (the table in src/README.md), not src/build/build-cache.ts.',
        line: 1,
      },
      {
        ruleId: 'site/folder-imports',
        message: "src/domain/ may not import node: modules ('node:fs/promises').",
        line: 2,
      },
    ]);
  });

  it('refuses an .astro component importing from src/collections/, in its frontmatter or a <script> tag', async () => {
    const code = [
      '---',
      "import { US_JURISDICTIONS } from '../../collections/schemas/jurisdiction.ts';",
      "import { paths } from '../../domain/labels.ts';",
      '---',
      '<a href={paths.search()}>{US_JURISDICTIONS.NY}</a>',
      '<script>',
      "  import '../../collections/registry.ts';",
      "  import '../../scripts/course-time.ts';",
      '</script>',
      '',
    ].join('\n');
    expect(await folderMessages(code, 'src/components/browse/Example.astro')).toEqual([
      {
        ruleId: 'site/folder-imports',
        message:
          'src/components/ may import src/views/, src/domain/, src/scripts/ (the table in src/README.md), not src/collections/schemas/jurisdiction.ts.',
        line: 2,
      },
      {
        ruleId: 'site/folder-imports',
        message:
          'src/components/ may import src/views/, src/domain/, src/scripts/ (the table in src/README.md), not src/collections/registry.ts.',
        line: 7,
      },
    ]);
  });
});
