/**
 * The read phase, the first of the validator of validate.ts: a file's text as fields (the
 * YAML, safely) and its Markdown body against the content HTML policy. `npm run check`, the build and the
 * new-course scaffold read files through here; the admin page gets fields from its form and
 * does not load this module (its Markdown parser is native code).
 */
import { COLLECTION_REGISTRY, type CollectionInfo, type CollectionName } from './registry.ts';
import type { Course } from './schemas/course.ts';
import { checkMarkdownBody } from './validation/html-policy.ts';
import type { ContentProblem } from './validation/problems.ts';
import { parseSource, type ParsedSource } from './validation/source-file.ts';
import { validateEntry, type EntryValidation, type ValidationContext } from './validate.ts';

/** Raw HTML and links in a Markdown body that the content HTML policy refuses (see html-policy.ts). */
function bodyProblems(source: ParsedSource, file: string, label: string): ContentProblem[] {
  return checkMarkdownBody(source.body).map(({ line, message, found, fix }) => ({
    file,
    line: source.bodyLine + line - 1,
    field: '',
    message: `In the ${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
    expected: 'Markdown, and only the HTML listed in docs/security.md',
    found,
    fix,
  }));
}

export type ReadResult =
  | { ok: true; source: ParsedSource; problems: ContentProblem[] }
  | { ok: false; problems: ContentProblem[] };

/** Phase 1, read: the fields of a file's text, and what its Markdown body holds that the site refuses. */
export function readPhase(
  collection: CollectionName,
  text: string,
  file: string,
  extension: string,
): ReadResult {
  const info: CollectionInfo = COLLECTION_REGISTRY[collection];
  const parsed = parseSource(text, file, info.body !== undefined);
  if (!parsed.ok) return parsed;
  // MDX bodies hold components the policy cannot read; the site's `allowMdx` governs them.
  const problems =
    extension === '.md' && info.body ? bodyProblems(parsed.source, file, info.body.name) : [];
  return { ok: true, source: parsed.source, problems };
}

/** Reads and validates one course file's text: the same problems `npm run check` gives it. */
export function validateCourseFile(
  text: string,
  file: string,
  context: ValidationContext = {},
): EntryValidation<Course> {
  const read = readPhase('courses', text, file, file.endsWith('.mdx') ? '.mdx' : '.md');
  if (!read.ok) return { problems: read.problems, warnings: [] };
  const validation = validateEntry(
    'courses',
    { file, data: read.source.data, lineOf: read.source.lineOf },
    context,
  ) as EntryValidation<Course>;
  return {
    ...validation,
    problems: [...read.problems, ...validation.problems].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0),
    ),
  };
}
