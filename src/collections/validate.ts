/**
 * The one validator of an entry, for every collection of the registry, used alike by
 * `npm run check` and the build (validation/load-content.ts), the admin before a save
 * (src/admin/decap-config.ts) and the new-course scaffold (src/admin/new-course.ts), so the
 * same fields give the same problems everywhere. It runs in phases, each on what the one
 * before left sound:
 *
 * 1. read: a file's text as fields, and its Markdown body against the HTML policy
 *    (validate-file.ts, which the admin page does not load: its form holds fields already);
 * 2. schema: the collection's zod schema (messages from validation/zod-issues.ts);
 * 3. references: every field the registry declares as naming another collection's entry;
 * 4. rules: the collection's table of named rules (validation/course-rules.ts for courses),
 *    skipping a rule that reads a field phases 2 or 3 found wrong, so one mistake gives one
 *    message;
 * 5. compliance, over a course whose whole content is valid (`compliancePhase`).
 */
import { z } from 'zod';
import { COLLECTION_REGISTRY, type CollectionName } from './registry.ts';
import type { Course } from './schemas/course.ts';
import type { Instructor } from './schemas/instructor.ts';
import { complianceProblems } from './validation/compliance.ts';
import { courseRuleProblems, type RuleContext } from './validation/course-rules.ts';
import { jointAccreditationProblem } from './validation/approval-problems.ts';
import type { PolicyRuleProblem } from './validation/policy-rules.ts';
import type { Policy } from './schemas/policy.ts';
import { formatFieldPath, type ContentProblem } from './validation/problems.ts';
import { referenceProblems, type KnownCollections } from './references.ts';
import { runRules, type Rule, type RuleProblem } from './validation/rules.ts';
import { problemsFromIssues } from './validation/zod-issues.ts';

export type { KnownCollections, KnownIds } from './references.ts';

/** One entry's fields, as read from its file or from the admin's form. */
export interface EntryInput {
  /** The path shown in messages. */
  file: string;
  data: unknown;
  /** The line of a field path in the file; left out (the admin's form has no lines), messages have none. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

/** What the validator may know beyond the entry; each part left out skips the checks that need it. */
export interface ValidationContext extends RuleContext {
  /** The entries of every collection, for references; left out in the admin, whose relation fields offer only existing ones. */
  known?: KnownCollections;
  /**
   * The refund-policy rules (validation/policy-rules.ts). They read the holiday calendars of
   * date-holidays, too large for the admin page, so the callers that run in Node bring them;
   * left out, a policy gets its schema and references only.
   */
  policyRules?: (policy: Policy) => PolicyRuleProblem[];
}

export interface EntryValidation<T = unknown> {
  /** The entry's data when it passed its schema. */
  data?: T;
  /** Errors, in the order of their lines. */
  problems: ContentProblem[];
  /** Findings that do not stop a build: an approval about to lapse. */
  warnings: ContentProblem[];
}

/** A collection's rules; courses are checked field by field even when the schema failed. */
interface CollectionRules {
  /** Whether the rules run on the fields that passed when others failed (else only on a valid entry). */
  partial: boolean;
  rules: (data: never, context: ValidationContext, failed: ReadonlySet<string>) => RuleProblem[];
}

const SPONSOR_RULES: readonly Rule<{ jointAccreditation: unknown; name: string }, unknown>[] = [
  {
    name: 'joint-accreditation-statement',
    reads: ['jointAccreditation', 'name'],
    check: (sponsor) => {
      const problem = jointAccreditationProblem(sponsor as never);
      return problem ? [problem] : [];
    },
  },
];

const COLLECTION_RULES: Partial<Record<CollectionName, CollectionRules>> = {
  courses: { partial: true, rules: courseRuleProblems as CollectionRules['rules'] },
  sponsors: {
    partial: false,
    rules: (sponsor, context, failed) => runRules(SPONSOR_RULES, sponsor, context, failed),
  },
  policies: {
    partial: false,
    rules: (policy, context) =>
      (context.policyRules?.(policy) ?? []).map((problem) => ({ ...problem, field: '' })),
  },
};

/** The top-level fields of `data` that pass their own schema, when the whole does not. */
function validFields(schema: z.ZodType, data: unknown): Record<string, unknown> {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape || data === null || typeof data !== 'object') return {};
  const valid: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const result = fieldSchema.safeParse((data as Record<string, unknown>)[key]);
    if (result.success && result.data !== undefined) valid[key] = result.data;
  }
  return valid;
}

const noLines = () => undefined;

/** What the schema phase leaves the later ones. */
export interface SchemaResult {
  /** The entry's data, when it passed. */
  data?: unknown;
  /** The fields the later phases check: all of a valid entry, else those valid on their own (courses). */
  fields: Record<string, unknown>;
  /** The top-level fields the file has and the schema refused. */
  failed: Set<string>;
  problems: ContentProblem[];
}

/** Phase 2: the schema. */
export function schemaPhase(collection: CollectionName, input: EntryInput): SchemaResult {
  const schema: z.ZodType = COLLECTION_REGISTRY[collection].schema;
  const result = schema.safeParse(input.data, { reportInput: true });
  if (result.success)
    return {
      data: result.data,
      fields: result.data as Record<string, unknown>,
      failed: new Set(),
      problems: [],
    };
  const problems = problemsFromIssues(
    result.error.issues,
    schema,
    input.data,
    input.file,
    input.lineOf ?? noLines,
  );
  const partial = COLLECTION_RULES[collection]?.partial ?? false;
  const fields = partial ? validFields(schema, input.data) : {};
  const present =
    input.data !== null && typeof input.data === 'object' ? Object.keys(input.data) : [];
  return { fields, failed: new Set(present.filter((key) => !(key in fields))), problems };
}

/** A rule's finding as a problem of the file. */
function located(
  input: EntryInput,
  { path, severity: _severity, ...rest }: RuleProblem,
): ContentProblem {
  const line = input.lineOf?.(path);
  return {
    ...rest,
    file: input.file,
    field: formatFieldPath(path),
    ...(line === undefined ? {} : { line }),
  };
}

const byLine = (a: ContentProblem, b: ContentProblem) => (a.line ?? 0) - (b.line ?? 0);

/** Phases 3 and 4, the references and the rules, over what the schema phase left. */
export function laterPhases(
  collection: CollectionName,
  input: EntryInput,
  schema: SchemaResult,
  context: ValidationContext,
): { problems: ContentProblem[]; warnings: ContentProblem[] } {
  const collectionRules = COLLECTION_RULES[collection];
  const checked = schema.data !== undefined || (collectionRules?.partial ?? false);
  if (!checked) return { problems: [], warnings: [] };
  const references = referenceProblems(
    collection,
    schema.fields,
    context.known ?? {},
    input.file,
    input.lineOf ?? noLines,
  );
  const failed = new Set([
    ...schema.failed,
    ...references.map((problem) => problem.field.split(/[.[]/)[0]!),
  ]);
  const found = collectionRules?.rules(schema.fields as never, context, failed) ?? [];
  return {
    problems: [
      ...references,
      ...found.filter((rule) => rule.severity !== 'warning').map((rule) => located(input, rule)),
    ],
    warnings: found
      .filter((rule) => rule.severity === 'warning')
      .map((rule) => located(input, rule)),
  };
}

/** Validates one entry of `collection`: schema, references, rules. */
export function validateEntry(
  collection: CollectionName,
  input: EntryInput,
  context: ValidationContext = {},
): EntryValidation {
  const schema = schemaPhase(collection, input);
  const later = laterPhases(collection, input, schema, context);
  return {
    ...(schema.data === undefined ? {} : { data: schema.data }),
    problems: [...schema.problems, ...later.problems].sort(byLine),
    warnings: later.warnings.sort(byLine),
  };
}

/** Validates one course: what `npm run check`, the build, the admin and the scaffold all run. */
export function validateCourse(
  input: EntryInput,
  context: ValidationContext = {},
): EntryValidation<Course> {
  return validateEntry('courses', input, context) as EntryValidation<Course>;
}

/** Phase 5: what each CE body requires the page of a valid course to state, and it does not (warnings). */
export function compliancePhase(
  input: EntryInput & { data: Course },
  context: ValidationContext & { instructors: ReadonlyMap<string, Instructor> },
): ContentProblem[] {
  return complianceProblems({
    file: input.file,
    course: input.data,
    lineOf: input.lineOf ?? noLines,
    boards: context.boards ?? new Map(),
    sponsors: context.sponsors ?? new Map(),
    instructors: context.instructors,
  });
}
