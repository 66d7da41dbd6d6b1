/**
 * The fields of a collection, nested ones included, read from its generated JSON Schema so the
 * guide says exactly what the schema checks: type, required or default, description, example
 * and allowed values.
 */
import type { JsonSchemaNode } from './json-schema.ts';

export interface FieldDoc {
  /** `sessions[].agenda[].title`: `[]` marks each entry of a list. */
  path: string;
  type: string;
  required: boolean;
  /** The default when left out, if there is one. */
  default?: unknown;
  description?: string;
  example?: unknown;
  /** Allowed values and limits, in words. */
  allowed: string[];
}

/** Singular and plural name of each kind of value. */
const KIND_NAMES: Record<string, [string, string]> = {
  date: ['date', 'dates'],
  time: ['time', 'times'],
  url: ['URL', 'URLs'],
  'time-zone': ['time zone', 'time zones'],
  slug: ['slug', 'slugs'],
  reference: ['reference', 'references'],
};

function typeNames(node: JsonSchemaNode): [string, string] {
  if (node.enum) return ['choice', 'choices'];
  const kind = node['x-kind'] && KIND_NAMES[node['x-kind']];
  if (kind) return kind;
  switch (node.type) {
    case 'string':
      return node.format === 'email' ? ['e-mail address', 'e-mail addresses'] : ['text', 'text'];
    case 'integer':
      return ['whole number', 'whole numbers'];
    case 'number':
      return ['number', 'numbers'];
    case 'boolean':
      return ['true or false', 'true or false'];
    case 'object':
      return ['group of fields', 'groups'];
    case 'array':
      return node.items ? [`list of ${typeNames(node.items)[1]}`, 'lists'] : ['list', 'lists'];
    default:
      return [node.type ?? 'any value', node.type ?? 'any values'];
  }
}

function typeName(node: JsonSchemaNode): string {
  return typeNames(node)[0];
}

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** Limits of one value in words; `minLength: 1` is left to the guide's general note on empty text. */
function limits(node: JsonSchemaNode): string[] {
  const words: string[] = [];
  if (node.enum) words.push(`one of ${node.enum.map(code).join(', ')}`);
  if (node['x-references']) {
    const extension = node['x-references'] === 'instructors' ? '.md' : '.yaml';
    words.push(`the name of a file in content/${node['x-references']}/, without ${extension}`);
  } else if (node.patternErrorMessage) words.push(node.patternErrorMessage);
  else if (node.format === 'email') words.push('an e-mail address');
  else if (node.pattern) words.push(`matches ${code(node.pattern)}`);
  if (node.minLength !== undefined && node.minLength > 1)
    words.push(`at least ${node.minLength} characters`);
  if (node.maxLength !== undefined && !node['x-references'])
    words.push(`at most ${node.maxLength} characters`);
  // zod writes the safe-integer limits on every whole number; they are no limit to an editor.
  const minimum =
    node.minimum !== undefined && node.minimum > Number.MIN_SAFE_INTEGER ? node.minimum : undefined;
  const maximum =
    node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
  if (minimum !== undefined && maximum !== undefined) words.push(`${minimum} to ${maximum}`);
  else if (minimum !== undefined) words.push(`${minimum} or more`);
  else if (maximum !== undefined) words.push(`at most ${maximum}`);
  if (node.exclusiveMinimum !== undefined) {
    words.push(
      node.type === 'integer' && Number.isInteger(node.exclusiveMinimum)
        ? `${node.exclusiveMinimum + 1} or more`
        : `more than ${node.exclusiveMinimum}`,
    );
  }
  if (node.multipleOf !== undefined) words.push(`in steps of ${node.multipleOf}`);
  if (node.type === 'array') {
    if (node.minItems !== undefined)
      words.push(`at least ${node.minItems} ${node.minItems === 1 ? 'entry' : 'entries'}`);
    if (node.maxItems !== undefined) words.push(`at most ${node.maxItems} entries`);
    const items = node.items;
    if (items && items.type !== 'object') {
      const each = limits(items);
      if (each.length > 0) words.push(`each: ${each.join(', ')}`);
    }
  }
  return words;
}

/** An example for a list whose entries carry the example: `[leslie-becker-phelps]`. */
function exampleOf(node: JsonSchemaNode): unknown {
  if (node.examples?.length) return node.examples[0];
  if (node.type === 'array' && node.items && node.items.type !== 'object') {
    const item = exampleOf(node.items);
    return item === undefined ? undefined : [item];
  }
  return undefined;
}

/** Every field of `schema`, depth first, in the order the schema declares them. */
export function fieldDocs(schema: JsonSchemaNode, prefix = ''): FieldDoc[] {
  const rows: FieldDoc[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, node] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const example = exampleOf(node);
    rows.push({
      path,
      type: typeName(node),
      required: required.has(name),
      ...(node.default === undefined ? {} : { default: node.default }),
      ...(node.description === undefined ? {} : { description: node.description }),
      ...(example === undefined ? {} : { example }),
      allowed: limits(node),
    });
    if (node.type === 'object') rows.push(...fieldDocs(node, path));
    if (node.type === 'array' && node.items?.type === 'object')
      rows.push(...fieldDocs(node.items, `${path}[]`));
  }
  return rows;
}
