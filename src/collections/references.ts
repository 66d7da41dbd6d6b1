/**
 * The reference phase of validate.ts: every field the registry declares as naming an entry of
 * another collection (`references` in registry.ts) is checked against that collection's files,
 * in one loop. A file that failed its schema or could not be read still exists here, so a
 * reference to it is not reported a second time.
 */
import { closestMatch } from '../domain/search/suggest.ts';
import {
  COLLECTION_REGISTRY,
  referenceFields,
  type CollectionName,
  type FileCollectionName,
} from './registry.ts';
import { formatFieldPath, type ContentProblem } from './validation/problems.ts';

/** What the validator knows of one collection's files, for references to it. */
export interface KnownIds {
  /** Whether an entry of this name exists, readable or not. */
  has: (id: string) => boolean;
  /** The names a message offers, and suggests the closest of. */
  names: readonly string[];
}

export type KnownCollections = Partial<Record<FileCollectionName, KnownIds>>;

/** Every value at `pattern` (`approvals[].board`) in `data`, with its concrete path. */
export function valuesAt(
  data: unknown,
  pattern: string,
): { path: PropertyKey[]; value: unknown }[] {
  let found: { path: PropertyKey[]; value: unknown }[] = [{ path: [], value: data }];
  for (const segment of pattern.split('.')) {
    const list = segment.endsWith('[]');
    const key = list ? segment.slice(0, -2) : segment;
    found = found.flatMap(({ path, value }) => {
      if (value === null || typeof value !== 'object') return [];
      const next = (value as Record<string, unknown>)[key];
      if (next === undefined) return [];
      if (!list) return [{ path: [...path, key], value: next }];
      return Array.isArray(next)
        ? next.map((item, index) => ({ path: [...path, key, index], value: item }))
        : [];
    });
  }
  return found;
}

export function referenceProblem(
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  fieldPath: PropertyKey[],
  collection: FileCollectionName,
  value: string,
  known: readonly string[],
): ContentProblem {
  const suggestion = closestMatch(value, known);
  const line = lineOf(fieldPath);
  return {
    file,
    field: formatFieldPath(fieldPath),
    ...(line === undefined ? {} : { line }),
    message: `There is no "${value}" in content/${collection}/.`,
    expected: known.length > 0 ? `one of: ${known.join(', ')}` : `a file in content/${collection}/`,
    found: JSON.stringify(value),
    fix: suggestion
      ? `Did you mean "${suggestion}"?`
      : `Add content/${collection}/${value}${COLLECTION_REGISTRY[collection].extensions[0]}, or correct the name.`,
  };
}

/**
 * Every reference of an entry of `collection` that names no file. A collection the caller
 * knows nothing of (the admin, whose relation fields offer only existing entries) is skipped.
 */
export function referenceProblems(
  collection: CollectionName,
  data: unknown,
  known: KnownCollections,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): ContentProblem[] {
  return referenceFields(collection).flatMap(([pattern, target]) => {
    const ids = known[target];
    if (!ids) return [];
    return valuesAt(data, pattern).flatMap(({ path, value }) =>
      typeof value !== 'string' || ids.has(value)
        ? []
        : [referenceProblem(file, lineOf, path, target, value, ids.names)],
    );
  });
}
