/**
 * The one shape every content error takes, whatever found it (YAML parser, zod schema,
 * cross-field rule or reference check), and the one place that prints it for editors.
 */

export interface ContentProblem {
  /** Path of the file an editor opens, relative to the working directory. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** Field path such as `sessions[2].end`; empty for a problem with the whole file. */
  field: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** What the field should hold. */
  expected?: string;
  /** What the file holds instead. */
  found?: string;
  /** How to fix it. */
  fix: string;
  /**
   * A stable id for the findings tools count or filter (src/collections/validation/compliance.ts):
   * they are told apart by this, never by their message text.
   */
  code?: FindingCode;
  /** For a CE body's compliance finding: the body whose rule it is, by its code (NBCC). */
  body?: string;
}

/** A CE body's requirement the course does not state, or an approval that is about to lapse. */
export type FindingCode = 'compliance' | 'approval-lapsing';

/** The value at a field path (`['approvals', 0, 'board']`) of parsed content, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** `sessions[2].end` from `['sessions', 2, 'end']`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text;
}

/** A short, quoted rendering of a value found in a file. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) return `an unquoted timestamp (${value.toISOString()})`;
  if (Array.isArray(value))
    return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'empty text';
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

export function formatProblem(problem: ContentProblem): string {
  const location = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const lines = [
    `${location}${problem.field ? ` › ${problem.field}` : ''}`,
    `  ${problem.message}`,
  ];
  if (problem.expected) lines.push(`  expected: ${problem.expected}`);
  if (problem.found) lines.push(`  found:    ${problem.found}`);
  lines.push(`  fix:      ${problem.fix}`);
  return lines.join('\n');
}

export function formatReport(problems: readonly ContentProblem[]): string {
  const files = new Set(problems.map((problem) => problem.file)).size;
  const heading = `${problems.length} content ${problems.length === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}:`;
  return [heading, '', ...problems.map(formatProblem)].join('\n\n').replace('\n\n\n\n', '\n\n');
}

/** Thrown by the content loader so that a build stops with the editor-facing report. */
export class ContentValidationError extends Error {
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    super(formatReport(problems));
    this.name = 'ContentValidationError';
    this.problems = problems;
  }
}
