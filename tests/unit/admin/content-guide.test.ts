/**
 * docs/CONTENT.md and docs/schemas/ are generated from the schemas; the committed files must
 * equal what `npm run guide` would write, so the guide can never drift from the validator.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/collections/validation/load-content.ts';
import { formatReport } from '../../../src/collections/validation/problems.ts';
import { COLLECTIONS, jsonSchemaPath, yamlFiles } from '../../../src/collections/registry.ts';
import { errorExamples, VALID_COURSE } from '../../../src/admin/error-examples.ts';
import { fieldDocs } from '../../../src/admin/field-docs.ts';
import {
  generatedFiles,
  GUIDE_PATH,
  staleFiles,
  writeGenerated,
} from '../../../src/admin/guide.ts';
import { EXAMPLE_FILES } from '../../../src/admin/guide-text.ts';
import { collectionJsonSchema, type JsonSchemaNode } from '../../../src/admin/json-schema.ts';
import { courseSchema } from '../../../src/collections/schemas/course.ts';
import { repoRoot } from '../../helpers/fixtures.ts';

let files: Map<string, string>;
let guide: string;

beforeAll(async () => {
  files = await generatedFiles();
  guide = files.get(GUIDE_PATH)!;
}, 60_000);

function guideScript(args: string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'scripts/content-guide.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** Every node of a JSON Schema with its path. */
function* nodes(node: JsonSchemaNode, at = ''): Generator<[string, JsonSchemaNode]> {
  yield [at, node];
  for (const [name, child] of Object.entries(node.properties ?? {}))
    yield* nodes(child, at ? `${at}.${name}` : name);
  if (node.items) yield* nodes(node.items, `${at}[]`);
}

// The script cases start Node and generate the guide; on a busy two-core machine that takes seconds.
describe('committed guide and schemas', { timeout: 60_000 }, () => {
  it('docs/CONTENT.md is exactly what `npm run guide` generates', async () => {
    const committed = await readFile(path.join(repoRoot, GUIDE_PATH), 'utf8');
    expect(
      committed.replace(/\r\n/g, '\n'),
      'docs/CONTENT.md is out of date: run `npm run guide`',
    ).toBe(guide);
  });

  it('docs/schemas/ holds exactly the generated JSON Schemas', async () => {
    expect(await staleFiles(repoRoot, files), 'run `npm run guide`').toEqual([]);
  });

  it('`npm run guide -- --check` passes on the repository', () => {
    const run = guideScript(['--check']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('`npm run guide -- --check` fails and names the file when the guide was edited by hand', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'ce-guide-check-'));
    await cp(path.join(repoRoot, 'docs'), path.join(root, 'docs'), { recursive: true });
    await writeFile(path.join(root, GUIDE_PATH), `${guide}\nA line added by hand.\n`);
    await writeFile(path.join(root, 'docs/schemas/retired.schema.json'), '{}');
    const run = guideScript(['--check', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('docs/CONTENT.md');
    expect(run.stderr).toContain('docs/schemas/retired.schema.json (no longer generated)');
    expect(run.stderr).toContain('npm run guide');
  });

  it('`npm run guide` writes every file and removes schemas nothing generates', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'ce-guide-write-'));
    await mkdir(path.join(root, 'docs/schemas'), { recursive: true });
    await writeFile(path.join(root, 'docs/schemas/retired.schema.json'), '{}');
    expect(await staleFiles(root, files)).toContain(`${GUIDE_PATH} (missing)`);
    await writeGenerated(root, files);
    expect(await staleFiles(root, files)).toEqual([]);
  });
});

describe('the guide', { timeout: 30_000 }, () => {
  it('documents every top-level course field in the course table', () => {
    const courses = guide.slice(guide.indexOf('### Courses'), guide.indexOf('### Instructors'));
    for (const field of Object.keys(courseSchema.shape))
      expect(courses, field).toContain(`| \`${field}\` |`);
  });

  it('documents every field of every collection, nested ones too', () => {
    for (const collection of COLLECTIONS) {
      expect(guide).toContain(`### ${collection.title}`);
      for (const doc of fieldDocs(collectionJsonSchema(collection.name).schema))
        expect(guide, doc.path).toContain(`| \`${doc.path}\` |`);
    }
    expect(guide).toContain(
      '| `sessions[].agenda[].title` | text | required | What this part of the session covers. |',
    );
    expect(guide).toContain('| `draft` | true or false | optional, default `false` |');
    expect(guide).toContain('one of `live-online`, `in-person`, `hybrid`, `on-demand`');
  });

  it('quotes the report the validator really prints for the broken example', async () => {
    const examples = await errorExamples();
    const fields = examples.brokenReport.map((problem) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining(['timeZone', 'sessions[0].end', 'audiance', 'approvals[0].board']),
    );
    expect(guide).toContain(formatReport(examples.brokenReport));
    expect(guide).toMatch(
      /content\/courses\/example-course\.md:17 › approvals\[0\]\.board\n {2}There is no "apaa" in content\/boards\/\.[\s\S]*?fix: {6}Did you mean "apa"\?/,
    );
    // Paths are shown as in a checkout, never as the temporary folder the examples ran in.
    expect(guide).not.toContain(tmpdir());
  });

  it('has a message for every case of the catalogue', async () => {
    const { catalogue } = await errorExamples();
    for (const { problem, entry } of catalogue) {
      expect(guide, entry.id).toContain(problem.message.replace(/\|/g, '\\|'));
      expect(guide, entry.id).toContain(entry.meaning.replace(/\|/g, '\\|'));
    }
  });

  it('shows example files that pass validation', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-guide-examples-'));
    for (const example of EXAMPLE_FILES) {
      await mkdir(path.dirname(path.join(dir, example.path)), { recursive: true });
      await writeFile(path.join(dir, example.path), example.text);
      expect(guide).toContain(example.text.trimEnd());
    }
    await mkdir(path.join(dir, 'courses'));
    await writeFile(path.join(dir, 'courses', 'example-course.md'), VALID_COURSE);
    const result = await loadContent(dir);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('links every section from its table of contents', () => {
    for (const heading of guide.split('\n').filter((line) => line.startsWith('## '))) {
      const title = heading.slice(3);
      const anchor = title
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
      expect(guide).toContain(`- [${title}](#${anchor})`);
    }
  });
});

describe('JSON Schemas', () => {
  it('require exactly the fields zod requires', () => {
    for (const collection of COLLECTIONS) {
      const { schema } = collectionJsonSchema(collection.name);
      const shape = (
        collection.schema as unknown as {
          shape: Record<string, { safeParse: (value: unknown) => { success: boolean } }>;
        }
      ).shape;
      const zodRequired = Object.keys(shape).filter(
        (key) => !shape[key]!.safeParse(undefined).success,
      );
      expect(schema.required?.toSorted(), collection.name).toEqual(zodRequired.toSorted());
      expect(schema.additionalProperties, collection.name).toBe(false);
    }
  });

  it('give every refinement a JSON Schema equivalent', () => {
    for (const collection of COLLECTIONS)
      expect(collectionJsonSchema(collection.name).unmapped, collection.name).toEqual([]);
  });

  it('accept every documented example, and the patterns agree with the validator', () => {
    for (const collection of COLLECTIONS) {
      for (const [at, node] of nodes(collectionJsonSchema(collection.name).schema)) {
        if (!node.pattern) continue;
        for (const example of node.examples ?? [])
          expect(example, `${collection.name} ${at}`).toMatch(new RegExp(node.pattern, 'u'));
      }
    }
    const course = collectionJsonSchema('courses').schema.properties!;
    const date = new RegExp(course['publishDate']!.pattern!, 'u');
    expect(
      ['2027-03-01'].every((value) => date.test(value)) &&
        !['2027-3-1', '01/03/2027'].some((value) => date.test(value)),
    ).toBe(true);
    const url = new RegExp(course['registrationUrl']!.pattern!, 'u');
    expect(url.test('https://www.example.org/register')).toBe(true);
    expect(url.test('http://www.example.org/register')).toBe(false);
    const timeZone = new RegExp(course['timeZone']!.pattern!, 'u');
    expect(Intl.supportedValuesOf('timeZone').filter((zone) => !timeZone.test(zone))).toEqual([]);
    expect(['EST', 'Eastern', 'GMT-5'].filter((zone) => timeZone.test(zone))).toEqual([]);
  });

  it('name the folder a reference points into, for the guide only', async () => {
    expect(collectionJsonSchema('courses').schema.properties!['refundPolicy']).toMatchObject({
      'x-kind': 'reference',
      'x-references': 'policies',
    });
    const published = JSON.parse(files.get(jsonSchemaPath('courses'))!) as JsonSchemaNode;
    expect(JSON.stringify(published)).not.toContain('"x-');
    expect(published.properties!['refundPolicy']!.pattern).toBeDefined();
  });
});

describe('.vscode/settings.json', () => {
  it('maps the JSON Schema of every YAML collection to its files for the YAML extension', async () => {
    const settings = JSON.parse(
      await readFile(path.join(repoRoot, '.vscode/settings.json'), 'utf8'),
    ) as { 'yaml.schemas': Record<string, string[]> };
    const expected = Object.fromEntries(
      COLLECTIONS.filter((collection) => yamlFiles(collection.name)).map((collection) => [
        `./${jsonSchemaPath(collection.name)}`,
        yamlFiles(collection.name),
      ]),
    );
    expect(settings['yaml.schemas']).toEqual(expected);
    for (const schemaFile of Object.keys(expected))
      expect(files.has(schemaFile.slice(2)), schemaFile).toBe(true);
  });
});
