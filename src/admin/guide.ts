/**
 * docs/CONTENT.md and docs/schemas/*.schema.json, generated from the zod schemas, the
 * hand-written text in guide-text.ts and real runs of the validator. `npm run guide` writes
 * them; `npm run guide -- --check` and the tests compare them with what is committed.
 */
import { readdir, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { formatReport } from '../collections/validation/problems.ts';
import {
  COLLECTIONS,
  jsonSchemaPath,
  type CollectionInfo,
  type CollectionName,
} from '../collections/registry.ts';
import { BROKEN_COURSE_EDITS, errorExamples, type ErrorExamples } from './error-examples.ts';
import { fieldDocs, type FieldDoc } from './field-docs.ts';
import {
  ADDING_CONTENT,
  EDITOR_COMPLETION,
  ERROR_FORMAT,
  INTRODUCTION,
  MAINTAINING,
  RULES,
  WRITING_YAML,
} from './guide-text.ts';
import { collectionJsonSchema, jsonSchemaText } from './json-schema.ts';
import { yamlInline } from './yaml-text.ts';

export const GUIDE_PATH = 'docs/CONTENT.md';

/** Text for a table cell: one line, with pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function inlineCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function requiredText(doc: FieldDoc): string {
  if (doc.required) return 'required';
  return doc.default === undefined
    ? 'optional'
    : `optional, default ${inlineCode(yamlInline(doc.default))}`;
}

function fieldTable(collection: CollectionInfo & { name: CollectionName }): string {
  const rows = fieldDocs(collectionJsonSchema(collection.name).schema).map((doc) =>
    [
      inlineCode(doc.path),
      doc.type,
      requiredText(doc),
      doc.description ?? '',
      doc.example === undefined ? '' : inlineCode(yamlInline(doc.example)),
      doc.allowed.join('; '),
    ].map(cell),
  );
  return [
    '| field | type | required | description | example | allowed values |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function fieldsSection(): string {
  const parts = [
    '## Fields',
    'Every field of every kind of content, generated from the schemas in `src/collections/schemas/`. A field\n' +
      'written `sessions[].date` is `date` in each entry of the `sessions` list; `objectives.leadIn`\n' +
      'is `leadIn` inside `objectives`. A required field inside an optional group is required when\n' +
      'the group is given. Text fields are trimmed and cannot be empty.',
  ];
  for (const collection of COLLECTIONS) {
    parts.push(
      `### ${collection.title}`,
      `\`${collection.location}\`. ${collection.summary} JSON Schema: [\`${jsonSchemaPath(collection.name)}\`](schemas/${collection.name}.schema.json).`,
      fieldTable(collection),
    );
  }
  return parts.join('\n\n');
}

function locationsTable(): string {
  return [
    '| content | files | one file is |',
    '| --- | --- | --- |',
    ...COLLECTIONS.map(
      (collection) =>
        `| ${collection.title} | \`${collection.location}\` | ${cell(collection.summary.split('. ')[0]!.replace(/\.$/, ''))} |`,
    ),
  ].join('\n');
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function numbered(text: string): string {
  const lines = text.trimEnd().split('\n');
  const width = String(lines.length).length;
  return lines
    .map((line, index) => `${String(index + 1).padStart(width)}  ${line}`.trimEnd())
    .join('\n');
}

function errorsSection(examples: ErrorExamples): string {
  const parts = [
    ERROR_FORMAT,
    '### A complete example',
    `This course, \`content/courses/example-course.md\`, has ${COUNT_WORDS[BROKEN_COURSE_EDITS.length] ?? BROKEN_COURSE_EDITS.length} mistakes (line numbers added):`,
    `\`\`\`text\n${numbered(examples.brokenCourse)}\n\`\`\``,
    '`npm run check` prints:',
    `\`\`\`text\n${formatReport(examples.brokenReport)}\n\`\`\``,
    '### Every kind of message',
    'Each message below is what `npm run check` prints for an example course with that one mistake.',
  ];
  const groups = Map.groupBy(examples.catalogue, ({ entry }) => entry.group);
  for (const [group, shown] of groups) {
    parts.push(
      `#### ${group}`,
      [
        '| you see | what it means |',
        '| --- | --- |',
        ...shown.map(({ entry, problem }) => {
          // Name the field where the message does not.
          const where =
            problem.field && !problem.message.includes(`\`${problem.field}\``)
              ? `${inlineCode(problem.field)}: `
              : '';
          return `| ${cell(`${where}${problem.message}`)}<br>fix: ${cell(problem.fix)} | ${cell(entry.meaning)} |`;
        }),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}

/** GitHub's anchor for a heading. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number} -]/gu, '')
    .replace(/ /g, '-');
}

export async function generateGuide(): Promise<string> {
  const examples = await errorExamples();
  const body = [
    '## Where content lives',
    locationsTable(),
    ADDING_CONTENT,
    WRITING_YAML,
    fieldsSection(),
    RULES,
    errorsSection(examples),
    EDITOR_COMPLETION,
    MAINTAINING,
  ].join('\n\n');
  const contents = body
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3))
    .map((heading) => `- [${heading}](#${anchor(heading)})`)
    .join('\n');
  return (
    [
      '# Content guide',
      '<!-- Generated by `npm run guide` from src/collections/schemas/ and src/admin/. Do not edit: change those and run `npm run guide`. -->',
      INTRODUCTION,
      contents,
      body,
    ].join('\n\n') + '\n'
  );
}

/** Every generated file, by path from the repository root. */
export async function generatedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set(GUIDE_PATH, await generateGuide());
  for (const collection of COLLECTIONS)
    files.set(jsonSchemaPath(collection.name), jsonSchemaText(collection.name));
  return files;
}

const SCHEMA_DIR = 'docs/schemas';

async function existingSchemaFiles(root: string): Promise<string[]> {
  const names = await readdir(path.join(root, SCHEMA_DIR)).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.schema.json'))
    .map((name) => `${SCHEMA_DIR}/${name}`);
}

/** Differences between the files under `root` and the generated ones: missing, changed or left over. */
export async function staleFiles(root: string, files: Map<string, string>): Promise<string[]> {
  const stale: string[] = [];
  for (const [file, text] of files) {
    const current = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    // Line endings are the checkout's business (core.autocrlf), not a difference in content.
    if (current?.replace(/\r\n/g, '\n') !== text)
      stale.push(current === undefined ? `${file} (missing)` : file);
  }
  for (const file of await existingSchemaFiles(root))
    if (!files.has(file)) stale.push(`${file} (no longer generated)`);
  return stale;
}

/** Writes the generated files under `root` and removes schema files of collections that are gone; returns the paths written. */
export async function writeGenerated(root: string, files: Map<string, string>): Promise<string[]> {
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  for (const file of await existingSchemaFiles(root))
    if (!files.has(file)) await rm(path.join(root, file));
  return [...files.keys()];
}
