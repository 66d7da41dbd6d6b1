/**
 * Turns zod issues into ContentProblems: what was expected, what was found, and a fix that
 * quotes the example documented on the field's schema.
 */
import { z } from 'zod';
import { closestMatch } from '../../domain/search/suggest.ts';
import { describeValue, formatFieldPath, valueAt, type ContentProblem } from './problems.ts';

interface FieldDocs {
  description?: string;
  example?: unknown;
  keys?: string[];
}

type AnySchema = z.core.$ZodType;

function metaOf(schema: AnySchema): { description?: string; examples?: unknown[] } | undefined {
  return z.globalRegistry.get(schema) as { description?: string; examples?: unknown[] } | undefined;
}

/** Follows wrappers (optional, default, pipe) and collects the first documentation found. */
function unwrap(schema: AnySchema, docs: FieldDocs): AnySchema {
  let current: AnySchema | undefined = schema;
  while (current) {
    const meta = metaOf(current);
    if (meta?.description && docs.description === undefined) docs.description = meta.description;
    if (meta?.examples?.length && docs.example === undefined) docs.example = meta.examples[0];
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
  return schema;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
}

/** Documentation of the field at `path` in `root`, found by walking the schema. */
export function fieldDocs(root: AnySchema, path: readonly PropertyKey[]): FieldDocs {
  let docs: FieldDocs = {};
  let current = unwrap(root, docs);
  const step = (schema: AnySchema, segment: PropertyKey): AnySchema | undefined => {
    const def = schema._zod.def as SchemaDef;
    if (def.type === 'object' && typeof segment === 'string') return def.shape?.[segment];
    if (def.type === 'array' && typeof segment === 'number') return def.element;
    // A union (`none` or a list): the form the path leads into.
    if (def.type === 'union')
      for (const option of def.options ?? []) {
        const next = step(unwrap(option, {}), segment);
        if (next) return next;
      }
    return undefined;
  };
  for (const segment of path) {
    const next = step(current, segment);
    if (!next) return {};
    docs = {};
    current = unwrap(next, docs);
  }
  const def = current._zod.def as { type: string; shape?: Record<string, AnySchema> };
  if (def.type === 'object' && def.shape) docs.keys = Object.keys(def.shape);
  return docs;
}

function exampleText(field: string, example: unknown): string {
  const key = field.split(/[.[]/).at(-1) ?? field;
  const name = /^\d/.test(key) ? '-' : `${key}:`;
  if (typeof example === 'string') {
    const needsQuotes = /^[\d:-]+$|[:#]/.test(example) || example === '';
    return `${name} ${needsQuotes ? JSON.stringify(example) : example}`;
  }
  return `${name} ${JSON.stringify(example)}`;
}

function withExample(base: string, field: string, docs: FieldDocs): string {
  return docs.example === undefined
    ? base
    : `${base}, for example \`${exampleText(field, docs.example)}\``;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

/**
 * Every issue of one file as problems, each mistake once: a required field that is missing
 * because it is misspelt (`audiance:` for `audience:`) is reported as the unknown field, whose
 * fix names the right one, not also as missing.
 */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: AnySchema,
  data: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): ContentProblem[] {
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const keys = fieldDocs(schema, issue.path as PropertyKey[]).keys ?? [];
    for (const key of issue.keys) {
      const meant = closestMatch(key, keys);
      if (meant !== undefined) misspelt.add(formatFieldPath([...issue.path, meant]));
    }
  }
  return issues
    .filter(
      (issue) =>
        !(
          issue.code === 'invalid_type' &&
          valueAt(data, issue.path as PropertyKey[]) === undefined &&
          misspelt.has(formatFieldPath(issue.path as PropertyKey[]))
        ),
    )
    .flatMap((issue) => problemsFromIssue(issue, schema, data, file, lineOf));
}

type IssueOf<C extends z.core.$ZodIssue['code']> = Extract<z.core.$ZodIssue, { code: C }>;

/** What every handler knows of the issue: where it is, what was found there, the field's documentation. */
interface IssueSite {
  base: Pick<ContentProblem, 'file' | 'field' | 'line'>;
  field: string;
  path: PropertyKey[];
  docs: FieldDocs;
  found: unknown;
  schema: AnySchema;
  data: unknown;
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

type IssueHandler<C extends z.core.$ZodIssue['code']> = (
  issue: IssueOf<C>,
  site: IssueSite,
) => ContentProblem[];

function invalidType(issue: IssueOf<'invalid_type'>, { base, field, docs, found }: IssueSite) {
  const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
  if (found === undefined)
    return [
      {
        ...base,
        message: `\`${field}\` is required.`,
        expected: docs.description ?? expected,
        fix: withExample(`Add \`${field.split('.').at(-1)}\``, field, docs),
      },
    ];
  if (found instanceof Date)
    return [
      {
        ...base,
        message:
          'YAML read this unquoted date or time as a timestamp, which would shift it to UTC.',
        expected: `${expected}, in quotes`,
        found: describeValue(found),
        fix: withExample('Put the value in double quotes', field, docs),
      },
    ];
  return [
    {
      ...base,
      message: `\`${field}\` has the wrong type.`,
      expected: docs.description ? `${expected}: ${docs.description}` : expected,
      found: describeValue(found),
      fix: withExample(`Write ${expected}`, field, docs),
    },
  ];
}

function unrecognizedKeys(
  issue: IssueOf<'unrecognized_keys'>,
  { path, field, docs, file, lineOf }: IssueSite,
) {
  return issue.keys.map((key) => {
    const keyPath = [...path, key];
    const keyLine = lineOf(keyPath);
    const suggestion = docs.keys ? closestMatch(key, docs.keys) : undefined;
    return {
      file,
      field: formatFieldPath(keyPath),
      ...(keyLine === undefined ? {} : { line: keyLine }),
      message: `\`${key}\` is not a known field${field ? ` of \`${field}\`` : ''}.`,
      expected: docs.keys ? `one of: ${docs.keys.join(', ')}` : 'no other fields',
      found: JSON.stringify(key),
      fix: suggestion
        ? `Did you mean \`${suggestion}\`? Rename the field.`
        : 'Remove the field, or check its spelling against the content guide.',
    };
  });
}

function invalidValue(issue: IssueOf<'invalid_value'>, { base, field, found }: IssueSite) {
  const allowed = issue.values.map((value) => JSON.stringify(value));
  const suggestion =
    typeof found === 'string' ? closestMatch(found, issue.values.map(String)) : undefined;
  return [
    {
      ...base,
      message: `\`${field}\` is not one of the allowed values.`,
      expected: `one of ${allowed.join(', ')}`,
      found: describeValue(found),
      fix: suggestion ? `Did you mean "${suggestion}"?` : `Use one of ${allowed.join(', ')}.`,
    },
  ];
}

function tooSmall(issue: IssueOf<'too_small'>, { base, field, docs, found }: IssueSite) {
  const minimum = Number(issue.minimum);
  if (issue.origin === 'array')
    return [
      {
        ...base,
        message: `\`${field}\` needs at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'}.`,
        expected: `a list of ${minimum} or more`,
        found: describeValue(found),
        fix: withExample('Add an entry', field, docs),
      },
    ];
  if (issue.origin === 'string')
    return [
      {
        ...base,
        message: `\`${field}\` must not be empty.`,
        expected: docs.description ?? 'some text',
        found: describeValue(found),
        fix: withExample('Write a value', field, docs),
      },
    ];
  return [
    {
      ...base,
      message: `\`${field}\` is too small.`,
      expected: `${issue.inclusive ? 'at least' : 'more than'} ${minimum}`,
      found: describeValue(found),
      fix: `Use a value of ${issue.inclusive ? 'at least' : 'more than'} ${minimum}.`,
    },
  ];
}

function tooBig(issue: IssueOf<'too_big'>, { base, field, found }: IssueSite) {
  const maximum = Number(issue.maximum);
  if (issue.origin === 'string') {
    const length = typeof found === 'string' ? found.length : 0;
    return [
      {
        ...base,
        message: `\`${field}\` is ${length} characters long; the limit is ${maximum}.`,
        expected: `at most ${maximum} characters`,
        found: `${length} characters`,
        fix: `Shorten it by ${length - maximum} characters.`,
      },
    ];
  }
  if (issue.origin === 'array')
    return [
      {
        ...base,
        message: `\`${field}\` has too many entries.`,
        expected: `at most ${maximum}`,
        found: describeValue(found),
        fix: `Keep at most ${maximum} entries.`,
      },
    ];
  return [
    {
      ...base,
      message: `\`${field}\` is too large.`,
      expected: `at most ${maximum}`,
      found: describeValue(found),
      fix: `Use a value of at most ${maximum}.`,
    },
  ];
}

function invalidUnion(issue: IssueOf<'invalid_union'>, site: IssueSite) {
  const { base, field, path, docs, found } = site;
  // A value of the right kind for one form (a list of relationships rather than `none`)
  // has its mistakes reported where they are, not as "Invalid input" with the other
  // form's example: the form its mistakes sit inside is the one it was written as.
  const inside = issue.errors.filter(
    (branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0),
  );
  if (inside.length === 1)
    return problemsFromIssues(
      inside[0]!.map((inner) => ({ ...inner, path: [...path, ...inner.path] })),
      site.schema,
      site.data,
      site.file,
      site.lineOf,
    );
  return [
    {
      ...base,
      message: `\`${field}\` is none of the forms it takes.`,
      ...(docs.description === undefined ? {} : { expected: docs.description }),
      found: describeValue(found),
      fix: withExample('Write one of them', field, docs),
    },
  ];
}

/** One handler per zod issue code; a code without one gets the generic message of `unhandledIssue`. */
const ISSUE_HANDLERS: { [C in z.core.$ZodIssue['code']]?: IssueHandler<C> } = {
  invalid_type: invalidType,
  unrecognized_keys: unrecognizedKeys,
  invalid_value: invalidValue,
  too_small: tooSmall,
  too_big: tooBig,
  not_multiple_of: (issue, { base, field, found }) => [
    {
      ...base,
      message: `\`${field}\` must be a multiple of ${String(issue.divisor)}.`,
      expected: `a multiple of ${String(issue.divisor)}`,
      found: describeValue(found),
      fix: `Round it to the nearest ${String(issue.divisor)}.`,
    },
  ],
  invalid_format: (issue, { base, field, docs, found }) => [
    {
      ...base,
      message: `\`${field}\` is not in the right form.`,
      expected: issue.message || issue.format,
      found: describeValue(found),
      fix: withExample('Write it', field, docs),
    },
  ],
  invalid_union: invalidUnion,
  custom: (issue, { base, field, docs, found }) => {
    const params = (issue.params ?? {}) as { expected?: string; fix?: string };
    return [
      {
        ...base,
        message: `\`${field}\` ${issue.message}.`,
        expected: params.expected ?? docs.description ?? '',
        found: describeValue(found),
        fix: params.fix ?? withExample('Write it', field, docs),
      },
    ];
  },
};

function unhandledIssue(issue: z.core.$ZodIssue, { base, field, docs, found }: IssueSite) {
  return [
    {
      ...base,
      message: `\`${field}\`: ${issue.message}.`,
      found: describeValue(found),
      fix: withExample('Check the value', field, docs),
    },
  ];
}

/** One issue as a problem; `lineOf` maps a field path to a line in the source file. */
export function problemsFromIssue(
  issue: z.core.$ZodIssue,
  schema: AnySchema,
  data: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): ContentProblem[] {
  const path = issue.path as PropertyKey[];
  const field = formatFieldPath(path);
  const line = lineOf(path);
  const site: IssueSite = {
    base: { file, field, ...(line === undefined ? {} : { line }) },
    field,
    path,
    docs: fieldDocs(schema, path),
    found: 'input' in issue ? issue.input : valueAt(data, path),
    schema,
    data,
    file,
    lineOf,
  };
  const handler = ISSUE_HANDLERS[issue.code] as IssueHandler<typeof issue.code> | undefined;
  return handler ? handler(issue as never, site) : unhandledIssue(issue, site);
}
