/**
 * The compliance check beside the schema check: for each course and each body it claims, every
 * promotional item the body's file says it requires (`requires`, from ../shared/REGULATORS.md)
 * that the course does not state. Each finding has the shape of a content error (file, field,
 * what the rule is and who makes it, how to fix it); `npm run check` prints them as warnings,
 * and `--strict` or `strictCompliance: true` in site.yaml makes them errors.
 */
import { courseFormats, courseOfferings } from '../../domain/offerings/offerings.ts';
import type { Board } from '../schemas/board.ts';
import type { PromotionalItem } from '../schemas/ce.ts';
import type { Course } from '../schemas/course.ts';
import type { Instructor } from '../schemas/instructor.ts';
import type { Sponsor } from '../schemas/sponsor.ts';
import { resolveApproval, type ResolvedApproval } from '../../domain/ce/ce-approvals.ts';
import { formatFieldPath, valueAt, type ContentProblem } from './problems.ts';

export interface ComplianceInput {
  file: string;
  course: Course;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  boards: ReadonlyMap<string, Board>;
  sponsors: ReadonlyMap<string, Sponsor>;
  instructors: ReadonlyMap<string, Instructor>;
}

interface Gap {
  path: PropertyKey[];
  found: string;
  fix: string;
}

interface ItemRule {
  /** What the body requires, as the message names it. */
  what: string;
  /** The gaps in this course, empty when it states the item. */
  gaps: (
    course: Course,
    approval: ResolvedApproval,
    input: ComplianceInput,
    index: number,
  ) => Gap[];
}

const approvalFile = (approval: ResolvedApproval) =>
  approval.holder.kind === 'sponsor' ? `content/sponsors/${approval.holder.id}.yaml` : 'the course';

const STATED: ItemRule['gaps'] = () => [];

/** A fact the approval itself lacks: fixed in the sponsor's file, or in the course's own approval. */
function approvalGap(
  approval: ResolvedApproval,
  index: number,
  found: string,
  fixes: { sponsor: string; course: string },
): Gap[] {
  return [
    {
      path: ['approvals', index],
      found,
      fix: approval.holder.kind === 'sponsor' ? fixes.sponsor : fixes.course,
    },
  ];
}

/** How each promotional item is found in a course; items the schema makes required are always stated. */
export const ITEM_RULES: Readonly<Record<PromotionalItem, ItemRule>> = {
  'learning-objectives': { what: 'learning objectives', gaps: STATED },
  'audience-and-level': { what: 'the target audience and instructional level', gaps: STATED },
  credit: { what: 'the credit for the activity', gaps: STATED },
  'refund-policy': { what: 'the refund and cancellation policy', gaps: STATED },
  schedule: {
    what: 'the schedule',
    gaps: (course) =>
      courseOfferings(course).flatMap((offering) =>
        offering.format === 'on-demand' || offering.sessions.length > 0
          ? []
          : [
              {
                path: [...offering.path, 'sessions'],
                found: 'no sessions',
                fix: 'Add the sessions with their agenda.',
              },
            ],
      ),
  },
  cost: {
    what: 'the cost, including all fees',
    gaps: (course) =>
      courseOfferings(course).flatMap((offering) =>
        offering.prices.length > 0
          ? []
          : [
              {
                path: [...offering.path, 'prices'],
                found: 'no price',
                fix: 'Add `prices: [{ amount: …, currency: USD }]` once the cost is known; the page shows no price until then.',
              },
            ],
      ),
  },
  'instructor-credentials': {
    what: 'each instructor’s credentials',
    gaps: (course, _approval, input) =>
      course.instructors.flatMap((id, index) =>
        input.instructors.get(id)?.credentials
          ? []
          : [
              {
                path: ['instructors', index],
                found: `no credentials for ${id}`,
                fix: `Add \`credentials:\` (degrees and licences) to content/instructors/${id}.md.`,
              },
            ],
      ),
  },
  'approval-statement': {
    what: 'its approval statement, naming the approved organisation',
    gaps: (_course, approval, _input, index) =>
      approval.statement
        ? []
        : approvalGap(approval, index, 'no statement', {
            sponsor: `Add the statement as ${approval.board.code} words it (\`statement:\`) to the ${approval.boardId} approval in ${approvalFile(approval)}, or a \`statementTemplate\` to content/boards/${approval.boardId}.yaml.`,
            course: 'Add `statement:` to this approval’s `courseApproval`, as the body words it.',
          }),
  },
  'provider-number': {
    what: 'the provider or approval number',
    gaps: (_course, approval, _input, index) =>
      approval.number
        ? []
        : approvalGap(approval, index, 'no number', {
            sponsor: `Add \`providerNumber:\` to the ${approval.boardId} approval in ${approvalFile(approval)}.`,
            course: 'Add `number:` to this approval’s `courseApproval`.',
          }),
  },
  disclosures: {
    what: 'the financial relationships of everyone who controls content, or that they have none',
    gaps: (course) =>
      course.disclosures
        ? []
        : [
            {
              path: ['disclosures'],
              found: 'no disclosures',
              fix: 'Add `disclosures: { people: [...] }` with one entry for every instructor and planner (`relationships: none` where they have none).',
            },
          ],
  },
  'commercial-support': {
    what: 'the commercial support, or that there was none',
    gaps: (course) =>
      course.disclosures?.commercialSupport
        ? []
        : [
            {
              path: ['disclosures', 'commercialSupport'],
              found: 'nothing',
              fix: 'Add `commercialSupport: none`, or list who gave support.',
            },
          ],
  },
  'completion-requirements': {
    what: 'the completion requirements (attendance, evaluation, test and passing score, certificate)',
    gaps: (course) => {
      const completion = course.completion;
      const stated =
        completion &&
        (completion.fullAttendance !== undefined ||
          completion.evaluation !== undefined ||
          completion.test ||
          completion.certificate);
      return stated
        ? []
        : [
            {
              path: ['completion'],
              found: 'no completion requirements',
              fix: 'Add `completion:` with `fullAttendance`, `evaluation`, `test` and `certificate` as they apply.',
            },
          ];
    },
  },
  'grievance-procedure': {
    what: 'the grievance procedure and whom to contact',
    gaps: (course, _approval, input) =>
      course.sponsors.some((id) => input.sponsors.get(id)?.grievancePolicy)
        ? []
        : [
            {
              path: ['sponsors'],
              found: 'no grievance policy',
              fix: `Add \`grievancePolicy:\` to content/sponsors/${course.sponsors[0]}.yaml; the site gives it a page linked from the course.`,
            },
          ],
  },
  'enduring-material-dates': {
    what: 'the release date and the date after which credit is no longer given',
    gaps: (course) => {
      const missing = (['releaseDate', 'creditEndsOn'] as const).filter(
        (key) => course.completion?.[key] === undefined,
      );
      return missing.map((key) => ({
        path: ['completion', key],
        found: 'nothing',
        fix: `Add \`${key}:\` to \`completion\` as an ISO date, such as "2027-01-14".`,
      }));
    },
  },
};

/** Every required item the course does not state, per body, as warnings in the content-error shape. */
export function complianceProblems(input: ComplianceInput): ContentProblem[] {
  const { course, file } = input;
  const problems: ContentProblem[] = [];
  course.approvals.forEach((claim, index) => {
    const board = input.boards.get(claim.board);
    if (!board) return;
    const resolution = resolveApproval(claim, course, board, input.sponsors);
    if (!resolution.ok) return;
    for (const requirement of board.requires) {
      if (
        requirement.formats &&
        !courseFormats(course).some((format) => requirement.formats!.includes(format))
      )
        continue;
      const rule = ITEM_RULES[requirement.item];
      for (const gap of rule.gaps(course, resolution.approval, input, index)) {
        // A field the course leaves out has no line: point at the approval that brings the rule.
        const line =
          valueAt(course, gap.path) === undefined
            ? input.lineOf(['approvals', index])
            : input.lineOf(gap.path);
        problems.push({
          code: 'compliance',
          body: board.code,
          file,
          ...(line === undefined ? {} : { line }),
          field: formatFieldPath(gap.path),
          message: `${board.code} requires the course page to state ${rule.what}, and this course does not.`,
          expected: `the rule of ${board.code}: ${requirement.source}`,
          found: gap.found,
          fix: gap.fix,
        });
      }
    }
  });
  return problems;
}

/** Whether a problem is a compliance finding (which strict mode reports among the errors). */
export function isComplianceProblem(problem: ContentProblem): boolean {
  return problem.code === 'compliance';
}

/** "12 compliance warnings in 1 course: APA 1, NBCC 5, …". */
export function complianceSummary(problems: readonly ContentProblem[], strict: boolean): string {
  const files = new Set(problems.map((problem) => problem.file)).size;
  const byBody = new Map<string, number>();
  for (const problem of problems) {
    // Other warnings (an approval about to lapse) are counted apart from the bodies' rules.
    const body = (isComplianceProblem(problem) && problem.body) || 'approvals ending';
    byBody.set(body, (byBody.get(body) ?? 0) + 1);
  }
  const kind = strict ? 'compliance errors' : 'compliance warnings';
  const noun = problems.length === 1 ? kind.replace(/s$/, '') : kind;
  const bodies = [...byBody].map(([body, count]) => `${body} ${count}`).join(', ');
  return `${problems.length} ${noun} in ${files} ${files === 1 ? 'course' : 'courses'}: ${bodies}.`;
}
