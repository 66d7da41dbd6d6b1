/**
 * JSON Schemas of the content, generated from the zod schemas for editor completion and for
 * the content guide. zod cannot translate refinements (functions) into JSON Schema, so the
 * known ones are given an equivalent pattern here; `unmappedRefinements` lists any new one
 * so a test notices it.
 */
import { z } from 'zod';
import {
  httpsUrlSchema,
  isoDateSchema,
  referenceSlugSchema,
  slugSchema,
  timeZoneSchema,
  wallTimeSchema,
} from '../collections/schemas/common.ts';
import { COLLECTIONS, type CollectionName } from '../collections/registry.ts';

/** What a string field holds, for the guide's Type column. Kept out of the published files. */
export type FieldKind = 'date' | 'time' | 'url' | 'time-zone' | 'slug' | 'reference';

/** The subset of JSON Schema the generator writes and the guide reads. */
export interface JsonSchemaNode {
  type?: string;
  title?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
  patternErrorMessage?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  'x-kind'?: FieldKind;
  /** For a reference: the folder under content/ it names a file in. */
  'x-references'?: string;
}

interface CheckDef {
  check?: string;
  format?: string;
  error?: (issue: unknown) => unknown;
  params?: { expected?: string };
}

interface Check {
  _zod: { def: CheckDef };
}

function checksOf(schema: z.core.$ZodType): Check[] {
  return (schema._zod.def as unknown as { checks?: Check[] }).checks ?? [];
}

/** The one check a shared field type adds, found by identity so that renamed copies still match. */
function ownCheck(schema: z.core.$ZodType, kind: string): Check {
  const check = checksOf(schema).find((candidate) => candidate._zod.def.check === kind);
  if (!check) throw new Error(`expected a ${kind} check on a shared field type`);
  return check;
}

interface Extra {
  kind?: FieldKind;
  json?: Partial<JsonSchemaNode>;
}

const EXTRAS = new Map<Check, Extra>([
  [
    ownCheck(isoDateSchema, 'custom'),
    {
      kind: 'date',
      json: {
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        format: 'date',
        patternErrorMessage: 'a date written YYYY-MM-DD, in quotes',
      },
    },
  ],
  [
    ownCheck(httpsUrlSchema, 'custom'),
    {
      kind: 'url',
      json: {
        pattern: '^https://[^\\s/]',
        format: 'uri',
        patternErrorMessage: 'an absolute URL starting with https://',
      },
    },
  ],
  [
    ownCheck(timeZoneSchema, 'custom'),
    {
      kind: 'time-zone',
      json: {
        pattern: '^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)+)$',
        patternErrorMessage: 'an IANA time zone such as "America/New_York"',
      },
    },
  ],
  [ownCheck(wallTimeSchema, 'string_format'), { kind: 'time' }],
  [ownCheck(slugSchema, 'string_format'), { kind: 'slug' }],
  [ownCheck(referenceSlugSchema, 'string_format'), { kind: 'slug' }],
]);

function messageOf(check: CheckDef): string | undefined {
  const message = check.error?.(undefined);
  if (typeof message === 'string') return message;
  if (
    message &&
    typeof message === 'object' &&
    typeof (message as { message?: unknown }).message === 'string'
  )
    return (message as { message: string }).message;
  return undefined;
}

const REFERENCE = /^The slug of an entry in content\/([a-z]+)\//;

/**
 * The collection a slug field refers to. referenceTo() documents it in the metadata of a copy
 * that the field's own .meta() then overrides, so the copies it was made from are searched.
 */
function referencedCollection(schema: z.core.$ZodType): string | undefined {
  for (let current: z.core.$ZodType | undefined = schema; current; current = current._zod.parent) {
    const description = (z.globalRegistry.get(current) as { description?: string } | undefined)
      ?.description;
    const match = description === undefined ? null : REFERENCE.exec(description);
    if (match) return match[1];
  }
  return undefined;
}

export interface GeneratedSchema {
  schema: JsonSchemaNode;
  /** Paths of refinements with no JSON Schema equivalent here: editors would not see them. */
  unmapped: string[];
}

const cache = new Map<CollectionName, GeneratedSchema>();

/** The input JSON Schema (what an editor writes, before defaults) of one collection. */
export function collectionJsonSchema(name: CollectionName): GeneratedSchema {
  const cached = cache.get(name);
  if (cached) return cached;
  const info = COLLECTIONS.find((collection) => collection.name === name);
  if (!info) throw new Error(`unknown collection ${name}`);
  const unmapped: string[] = [];
  const schema = z.toJSONSchema(info.schema, {
    io: 'input',
    // Draft 7 is what the Red Hat YAML extension validates against.
    target: 'draft-07',
    override: ({ zodSchema, jsonSchema, path }) => {
      const json = jsonSchema as JsonSchemaNode;
      if (path.length === 0) json.title = info.title;
      for (const check of checksOf(zodSchema)) {
        const extra = EXTRAS.get(check);
        if (extra) {
          Object.assign(json, extra.json);
          if (extra.kind) json['x-kind'] = extra.kind;
          const collection = extra.kind === 'slug' ? referencedCollection(zodSchema) : undefined;
          if (collection) {
            json['x-kind'] = 'reference';
            json['x-references'] = collection;
          }
        } else if (check._zod.def.check === 'custom') {
          unmapped.push(path.join('.'));
        }
        // VS Code shows this instead of "String does not match the pattern".
        if (check._zod.def.check === 'string_format' && check._zod.def.format === 'regex') {
          const message = messageOf(check._zod.def);
          if (message) json.patternErrorMessage = message;
        }
      }
    },
  }) as JsonSchemaNode;
  const generated = { schema, unmapped };
  cache.set(name, generated);
  return generated;
}

/** The file text of a collection's JSON Schema, without the guide-only keys. */
export function jsonSchemaText(name: CollectionName): string {
  const { schema } = collectionJsonSchema(name);
  return `${JSON.stringify(schema, (key, value: unknown) => (key.startsWith('x-') ? undefined : value), 2)}\n`;
}
