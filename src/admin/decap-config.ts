/**
 * The Decap CMS configuration (`/admin/config.yml`), generated from the zod schemas through
 * their JSON Schemas (json-schema.ts), so the admin's forms and the validator cannot drift:
 * every field of every collection becomes a Decap field, enumerations become selects,
 * references become relation fields, lists of groups become lists with their sub-fields.
 *
 * Dates and wall-clock times are plain string fields with the schema's pattern, never Decap's
 * datetime widget: that widget fills in "now" and, left to its defaults, writes the browser's
 * zone or UTC, while a session's "16:00" must be written exactly as typed, in the course's zone.
 *
 * `prepareEntry` is what the admin page runs before every save (Decap's preSave event): it
 * drops the empty values Decap leaves behind for cleared optional fields, then runs the one
 * validator `npm run check` runs (src/collections/validate.ts), so a save that would fail the
 * check is refused with the check's own messages.
 */
import { formatFieldPath, type ContentProblem } from '../collections/validation/problems.ts';
import { validateEntry, type ValidationContext } from '../collections/validate.ts';
import { REFUND_OUTCOMES } from '../collections/schemas/policy.ts';
import type { CmsSettings } from '../collections/schemas/site.ts';
import {
  COLLECTION_REGISTRY,
  COLLECTIONS,
  collectionPath,
  type CollectionInfo,
  type CollectionName,
} from '../collections/registry.ts';
import { collectionJsonSchema, type JsonSchemaNode } from './json-schema.ts';

/** The default address of decap-server's API; `npm run cms` starts it there. */
export const DEFAULT_PROXY_PORT = 8081;
export const PROXY_HOST = '127.0.0.1';

export function proxyUrl(port: number = DEFAULT_PROXY_PORT): string {
  return `http://${PROXY_HOST}:${port}/api/v1`;
}

/** A Decap field, as far as this generator writes them. */
export interface DecapField {
  label: string;
  name: string;
  widget:
    | 'string'
    | 'text'
    | 'number'
    | 'boolean'
    | 'select'
    | 'relation'
    | 'list'
    | 'object'
    | 'markdown'
    | 'image';
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  step?: number;
  value_type?: 'int' | 'float';
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  fields?: DecapField[];
  field?: DecapField;
  summary?: string;
  label_singular?: string;
  collapsed?: boolean;
  choose_url?: boolean;
  /** For an image field: where uploads go and how the file names them, relative to the entry. */
  media_folder?: string;
  public_folder?: string;
}

export interface DecapCollection {
  name: CollectionName;
  label: string;
  label_singular?: string;
  description: string;
  folder?: string;
  extension?: string;
  format: 'frontmatter' | 'yml';
  create?: boolean;
  delete?: boolean;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  editor: { preview: boolean };
  fields?: DecapField[];
  files?: {
    name: string;
    label: string;
    file: string;
    description: string;
    fields: DecapField[];
  }[];
}

export interface DecapConfig {
  backend: { name: CmsSettings['backend']; branch: string; repo?: string };
  local_backend: { url: string };
  site_url?: string;
  display_url?: string;
  media_folder: string;
  public_folder: string;
  publish_mode: 'simple';
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  collections: DecapCollection[];
}

/**
 * Where the generated field is not the best form for an editor. Keyed by collection and field
 * path (`courses.sessions`); a unit test checks that every key names a real field.
 */
export const FIELD_OVERRIDES: Readonly<Record<string, Partial<DecapField>>> = {
  'courses.summary': { widget: 'text' },
  'courses.ceHoursNote': { widget: 'text' },
  'courses.objectives.items': {
    label: 'Learning objectives',
    label_singular: 'objective',
    field: { label: 'Objective', name: 'item', widget: 'text' },
  },
  'courses.sessions': {
    summary: '{{fields.date}}  {{fields.start}}–{{fields.end}}  {{fields.title}}',
    label_singular: 'session',
  },
  'courses.sessions.agenda': {
    summary: '{{fields.label}} {{fields.title}}',
    label_singular: 'part',
    collapsed: true,
  },
  'courses.approvals': { summary: '{{fields.board}}', label_singular: 'approval' },
  'courses.offerings': {
    summary: '{{fields.id}} {{fields.format}} {{fields.availableFrom}}',
    label_singular: 'offering',
    collapsed: true,
  },
  'courses.offerings.sessions': {
    summary: '{{fields.date}}  {{fields.start}}–{{fields.end}}  {{fields.title}}',
    label_singular: 'session',
  },
  'courses.prices': {
    summary: '{{fields.kind}} {{fields.amount}} {{fields.currency}} {{fields.until}}',
    label_singular: 'price',
  },
  'courses.offerings.prices': {
    summary: '{{fields.kind}} {{fields.amount}} {{fields.currency}} {{fields.until}}',
    label_singular: 'price',
  },
  'courses.readings': {
    summary: '{{fields.year}} {{fields.title}}',
    label_singular: 'reading',
    collapsed: true,
  },
  'courses.ceHoursBreakdown': {
    summary: '{{fields.hours}} h {{fields.category}} ({{fields.delivery}})',
    label_singular: 'part',
  },
  // Beside the instructor files, written as `photos/name.jpg`, so astro:assets optimises them.
  'instructors.photo': {
    widget: 'image',
    choose_url: false,
    media_folder: 'photos',
    public_folder: 'photos',
  },
  'boards.statementTemplate': { widget: 'text' },
  'boards.requires': { summary: '{{fields.item}}', label_singular: 'requirement' },
  'sponsors.approvals': {
    summary: '{{fields.board}} {{fields.providerNumber}}',
    label_singular: 'approval',
  },
  'sponsors.approvals.statement': { widget: 'text' },
  'sponsors.grievancePolicy': { widget: 'text' },
  'sponsors.accommodationPolicy': { widget: 'text' },
  'policies.text': { widget: 'text' },
  'policies.intro': { widget: 'text' },
  'policies.tiers': {
    summary:
      '{{fields.formats}} {{fields.minDaysBefore}}{{fields.withinDays}} days: {{fields.outcome}} {{fields.percent}}%',
    label_singular: 'tier',
  },
  // One outcome, or several for the registrant to choose from: a multi-select saves either as a list.
  'policies.tiers.outcome': {
    widget: 'select',
    options: [...REFUND_OUTCOMES],
    multiple: true,
    min: 1,
  },
  'policies.fees': { summary: '{{fields.name}} {{fields.label}}', label_singular: 'fee' },
};

const WORDS: Record<string, string> = {
  ce: 'CE',
  url: 'URL',
  doi: 'DOI',
  isbn: 'ISBN',
  mdx: 'MDX',
};

/** `ceHoursBreakdown` → "CE hours breakdown". */
export function labelOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((word) => WORDS[word.toLowerCase()] ?? word.toLowerCase());
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

/** JSON Schema patterns are JavaScript regular expressions, which is what Decap runs. */
function patternOf(node: JsonSchemaNode): [string, string] | undefined {
  const limit =
    node.maxLength !== undefined && node['x-kind'] !== 'reference' ? node.maxLength : undefined;
  const example = node.examples?.[0];
  const forExample =
    typeof example === 'string' && !/such as/.test(node.patternErrorMessage ?? '')
      ? `, for example ${example}`
      : '';
  if (node.pattern) {
    const wanted = (node.patternErrorMessage ?? `text matching ${node.pattern}`).replace(
      /, in quotes$/,
      '',
    );
    // A length limit on a patterned field is checked in the same expression, by a lookahead.
    const pattern =
      limit === undefined ? node.pattern : `(?=^[\\s\\S]{0,${limit}}$)${node.pattern}`;
    const wording = limit === undefined ? wanted : `${wanted}, at most ${limit} characters`;
    // Decap shows "<label> didn't match the pattern: <this>." and adds the full stop itself.
    return [pattern, `Must be ${wording}${forExample}`];
  }
  if (limit !== undefined) return [`^[\\s\\S]{0,${limit}}$`, `At most ${limit} characters`];
  return undefined;
}

/** The hint under a field: its description, and an example where one helps. */
function hintOf(node: JsonSchemaNode): string | undefined {
  const example = node.examples?.[0];
  const kind = node['x-kind'];
  if (kind === 'date')
    return `${node.description ?? ''} Such as ${String(example ?? '2027-03-01')}.`.trim();
  // Written exactly as typed: the time on the clock in the course's time zone, never converted.
  if (kind === 'time')
    return `${node.description ?? ''} Such as ${String(example ?? '16:00')}, on the clock of the course's time zone.`.trim();
  // referenceTo()'s own wording names the folder; the relation field lists its entries instead.
  if (node['x-references'] && node.description?.startsWith('The slug of an entry'))
    return `One of the entries in ${labelOf(node['x-references'])}.`;
  return node.description;
}

function numberField(node: JsonSchemaNode, base: DecapField): DecapField {
  const field: DecapField = {
    ...base,
    widget: 'number',
    value_type: node.type === 'integer' ? 'int' : 'float',
  };
  const step = node.multipleOf ?? (node.type === 'integer' ? 1 : undefined);
  if (step !== undefined) field.step = step;
  if (node.minimum !== undefined && node.minimum > Number.MIN_SAFE_INTEGER)
    field.min = node.minimum;
  if (node.exclusiveMinimum !== undefined && step !== undefined)
    field.min = node.exclusiveMinimum + step;
  if (node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER)
    field.max = node.maximum;
  return field;
}

function relationField(collection: string, base: DecapField): DecapField {
  const storage: CollectionInfo | undefined = COLLECTION_REGISTRY[collection as CollectionName];
  if (!storage)
    throw new Error(`a reference to content/${collection}/, which the admin does not edit`);
  return {
    ...base,
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: [storage.identifier, ...(storage.searchFields ?? [])],
    display_fields: [storage.identifier],
  };
}

/** One field of a form, from the JSON Schema of its value. */
export function decapField(
  name: string,
  node: JsonSchemaNode,
  required: boolean,
  key: string,
): DecapField {
  const hint = hintOf(node);
  const base: DecapField = {
    label: labelOf(name),
    name,
    widget: 'string',
    ...(hint === undefined ? {} : { hint }),
  };
  if (!required) base.required = false;
  if (node.default !== undefined && !(Array.isArray(node.default) && node.default.length === 0))
    base.default = node.default;
  let field: DecapField;
  if (node.enum) {
    field = { ...base, widget: 'select', options: node.enum.map(String) };
  } else if (node['x-kind'] === 'reference' && node['x-references']) {
    field = relationField(node['x-references'], base);
  } else if (node['x-kind'] === 'time-zone') {
    field = { ...base, widget: 'select', options: timeZoneOptions() };
  } else if (node.type === 'boolean') {
    field = { ...base, widget: 'boolean' };
  } else if (node.type === 'number' || node.type === 'integer') {
    field = numberField(node, base);
  } else if (node.type === 'object') {
    // Decap checks the required fields of a group even when the group itself is optional and
    // left blank, so those become optional in the form; the check before saving (prepareEntry)
    // still refuses a group filled in only in part.
    const fields = decapFields(node, key).map((child) =>
      required || child.required === false
        ? child
        : {
            ...child,
            required: false,
            hint: `${child.hint ?? ''} Required when ${labelOf(name).toLowerCase()} is filled in.`.trim(),
          },
    );
    field = { ...base, widget: 'object', fields, ...(required ? {} : { collapsed: true }) };
  } else if (node.type === 'array') {
    field = listField(node, base, key);
  } else {
    const pattern = patternOf(node);
    field = { ...base, widget: 'string', ...(pattern ? { pattern } : {}) };
  }
  return { ...field, ...FIELD_OVERRIDES[key] };
}

function listField(node: JsonSchemaNode, base: DecapField, key: string): DecapField {
  const items = node.items ?? {};
  const limits: Partial<DecapField> = {};
  // Only required lists get a minimum in the form: an optional one may be left empty, and is then
  // left out of the file before saving (prepareEntry), where the schema's own limits apply.
  if (base.required !== false && node.minItems !== undefined) limits.min = node.minItems;
  if (node.maxItems !== undefined) limits.max = node.maxItems;
  if (items.enum)
    return {
      ...base,
      widget: 'select',
      options: items.enum.map(String),
      multiple: true,
      ...limits,
    };
  if (items['x-kind'] === 'reference' && items['x-references'])
    return { ...relationField(items['x-references'], base), multiple: true, ...limits };
  if (items.type === 'object')
    return { ...base, widget: 'list', fields: decapFields(items, key), ...limits };
  const singular = labelOf(base.name).replace(/s$/, '');
  const item = { ...decapField('item', items, true, `${key}[]`), label: singular };
  return {
    ...base,
    widget: 'list',
    field: item,
    label_singular: singular.toLowerCase(),
    ...limits,
  };
}

/** The fields of a group, in the schema's order. */
export function decapFields(node: JsonSchemaNode, prefix: string): DecapField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) =>
    decapField(name, child, required.has(name), `${prefix}.${name}`),
  );
}

let zones: string[] | undefined;
/** Every IANA zone the runtime knows, for the time-zone select. */
export function timeZoneOptions(): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
  return zones;
}

function collectionConfig(info: CollectionInfo & { name: CollectionName }): DecapCollection {
  const storage = info;
  const where = collectionPath(info.name);
  const fields = decapFields(collectionJsonSchema(info.name).schema, info.name);
  if (!fields.some((field) => field.name === storage.identifier))
    throw new Error(`${info.name}: no field ${storage.identifier} to name entries by`);
  const description = info.summary.replace(/`/g, '');
  if ('file' in where) {
    return {
      name: info.name,
      label: info.title,
      description,
      format: 'yml',
      editor: { preview: false },
      files: [{ name: info.name, label: info.title, file: where.file, description, fields }],
    };
  }
  const extension = info.extensions[0]!.slice(1);
  const body: DecapField[] = storage.body
    ? [
        {
          label: storage.body.label,
          name: 'body',
          widget: 'markdown',
          required: false,
          hint: storage.body.hint,
        },
      ]
    : [];
  return {
    name: info.name,
    label: info.title,
    label_singular: info.title.replace(/ies$/, 'y').replace(/s$/, ''),
    description,
    folder: where.folder,
    // New files get the first extension the folder takes.
    extension: extension,
    format: extension === 'md' ? 'frontmatter' : 'yml',
    create: true,
    // The file name is the slug: made from the identifier, lowercase ASCII and hyphens.
    slug: '{{slug}}',
    identifier_field: storage.identifier,
    summary: `{{${storage.identifier}}}`,
    editor: { preview: false },
    fields: [...fields, ...body],
  };
}

export interface DecapConfigOptions {
  /** decap-server's API, used when the admin is opened on localhost or 127.0.0.1. */
  proxyUrl?: string;
  /** The public site, from content/site.yaml, for Decap's "view live" link. */
  siteUrl?: string;
  /** The production backend, from `cms` in content/site.yaml. */
  cms?: CmsSettings | undefined;
}

/**
 * Where the admin saves in production: the repository on GitHub or GitLab (editors sign in
 * with that account), or Netlify's Git Gateway, which is also what a site without `cms` gets,
 * as before: on Netlify with Identity enabled it works, elsewhere the launch check names it.
 */
function backendConfig(cms: CmsSettings | undefined): DecapConfig['backend'] {
  if (!cms) return { name: 'git-gateway', branch: 'main' };
  return cms.backend === 'git-gateway' || cms.repo === undefined
    ? { name: cms.backend, branch: cms.branch }
    : { name: cms.backend, repo: cms.repo, branch: cms.branch };
}

export function decapConfig(options: DecapConfigOptions = {}): DecapConfig {
  return {
    // In production the backend commits to the repository; the next build checks the content.
    backend: backendConfig(options.cms),
    // On localhost, decap-server (`npm run cms`) writes straight into the working copy.
    local_backend: { url: options.proxyUrl ?? proxyUrl() },
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    media_folder: 'public/images/uploads',
    public_folder: '/images/uploads',
    publish_mode: 'simple',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: COLLECTIONS.map(collectionConfig),
  };
}

// ---------------------------------------------------------------------------------------------
// Before a save

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * A copy of `value` without the empty strings, empty lists and empty groups that Decap keeps
 * for a field that was typed in and cleared, or a group left blank. An empty text field is an
 * error to the validator ("must not be empty"), while leaving an optional field out is right.
 * Entries of a list are kept, so a blank entry is reported rather than silently dropped.
 */
export function withoutEmptyFields(
  value: unknown,
  path: (string | number)[] = [],
  removed: (string | number)[][] = [],
): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => withoutEmptyFields(item, [...path, index], removed));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const cleaned = withoutEmptyFields(item, [...path, key], removed);
    // Children are recorded before their group, so deleting in order never misses one.
    if (isEmpty(cleaned)) removed.push([...path, key]);
    else result[key] = cleaned;
  }
  return result;
}

export interface PreparedEntry {
  /** The fields to write (the Markdown body, when there is one, under `body`). */
  data: Record<string, unknown>;
  /** Paths of the empty fields left out, children before their group. */
  removedPaths: (string | number)[][];
  /** The same, as field paths such as `sessions[0].title`. */
  removed: string[];
  /** What `npm run check` would report about these fields; empty when the entry may be saved. */
  problems: ContentProblem[];
}

/**
 * Cleans and checks an entry as Decap is about to save it, with the validator of
 * `npm run check`. What needs the other files is left to the check and the build unless
 * `context` brings them: whether a referenced entry exists (relation fields only offer existing
 * ones), whether the refund policy covers the course's format, whether an approval has a
 * holder. The Markdown body goes through the HTML policy in the check, whose parser the
 * browser does not load.
 */
export function prepareEntry(
  collection: string,
  raw: Record<string, unknown>,
  file = `content/${collection}`,
  context: ValidationContext = { today: new Date().toISOString().slice(0, 10) },
): PreparedEntry {
  const info = COLLECTIONS.find((candidate) => candidate.name === collection);
  if (!info) throw new Error(`unknown collection ${collection}`);
  const removedPaths: (string | number)[][] = [];
  const data = withoutEmptyFields(raw, [], removedPaths) as Record<string, unknown>;
  const { body, ...fields } = data;
  const { problems } = validateEntry(info.name, { file, data: fields }, context);
  return {
    data: body === undefined ? fields : { ...fields, body },
    removedPaths,
    removed: removedPaths.map(formatFieldPath),
    problems,
  };
}

/** The problems as the editor sees them in Decap's notice, one per line. */
export function problemsMessage(problems: readonly ContentProblem[]): string {
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  const lines = problems.map((problem) => {
    const found = problem.found ? ` (found ${problem.found})` : '';
    return `${problem.field ? `${problem.field}: ` : ''}${problem.message}${found} ${problem.fix}`;
  });
  return `Not saved: ${count} that \`npm run check\` would report. ${lines.join(' | ')}`;
}
