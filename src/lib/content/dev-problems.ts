/**
 * The content problems found by the last validation in `astro dev`, so pages can show them in
 * Astro's error overlay instead of silently serving stale content. Kept on globalThis because
 * the loader and the pages run in different module graphs of the same process.
 */
import { ContentValidationError, type ContentProblem } from './problems.ts';

const KEY = Symbol.for('ce-site.dev-content-problems');
type Holder = { [KEY]?: readonly ContentProblem[] };

export function setDevProblems(problems: readonly ContentProblem[]): void {
  (globalThis as Holder)[KEY] = problems;
}

export function devProblems(): readonly ContentProblem[] {
  return (globalThis as Holder)[KEY] ?? [];
}

/** Throws the editor-facing report while the last validation in `astro dev` found problems. */
export function assertNoDevProblems(): void {
  const problems = devProblems();
  if (problems.length > 0) throw new ContentValidationError(problems);
}
