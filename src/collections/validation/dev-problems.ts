/**
 * The content problems found by the last validation in `astro dev`, so pages can show them in
 * Astro's error overlay instead of silently serving stale content. Shared across the
 * process because the loader and the pages run in different module graphs.
 */
import { processShared } from '../../process/process-shared.ts';
import { ContentValidationError, type ContentProblem } from './problems.ts';

const lastProblems = processShared<readonly ContentProblem[]>('dev-content-problems', []);

export function setDevProblems(problems: readonly ContentProblem[]): void {
  lastProblems.set(problems);
}

export function devProblems(): readonly ContentProblem[] {
  return lastProblems.get();
}

/** Throws the editor-facing report while the last validation in `astro dev` found problems. */
export function assertNoDevProblems(): void {
  const problems = devProblems();
  if (problems.length > 0) throw new ContentValidationError(problems);
}
