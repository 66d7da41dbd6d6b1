/**
 * The shape of the rules no single schema states: each is a named entry of a table, with the
 * fields it reads and its check. The validator runs a table after the schema and reference
 * phases and skips a rule whose inputs failed there, so one mistake gives one message.
 */
import type { ContentProblem } from './problems.ts';

/** A rule's finding, at a field path; the validator adds the file and the line. */
export type RuleProblem = Omit<ContentProblem, 'file' | 'line'> & {
  path: PropertyKey[];
  /** A warning (compliance, an approval about to lapse) rather than an error. */
  severity?: 'warning';
};

export interface Rule<Data, Context> {
  /** Kebab-case, unique in its table: names the rule in tests and in the README. */
  name: string;
  /** The top-level fields the check reads: when one of them failed the schema or a reference, it is skipped. */
  reads: readonly (keyof Data & string)[];
  check: (data: Partial<Data>, context: Context) => RuleProblem[];
}

/** Runs every rule of `rules` whose inputs did not fail, in table order. */
export function runRules<Data, Context>(
  rules: readonly Rule<Data, Context>[],
  data: Partial<Data>,
  context: Context,
  failed: ReadonlySet<string> = new Set(),
): RuleProblem[] {
  return rules
    .filter((rule) => !rule.reads.some((field) => failed.has(field)))
    .flatMap((rule) => rule.check(data, context));
}
