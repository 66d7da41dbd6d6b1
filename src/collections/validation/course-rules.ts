/**
 * The rules about a course that no single field can check, as a table (`COURSE_RULES`): each
 * named, with the fields it reads and its check. The validator (../validate.ts) runs them after
 * the schema and the references and skips a rule whose fields failed there, so one mistake
 * gives one message. The schedule is real and in order (offering-rules.ts), the CE hours agree
 * with it, the format's requirements are met, the approvals resolve to a holder whose approval
 * covers the course's dates, the refund policy covers the course's formats, and the financial
 * disclosures follow the ACCME Standards for Integrity and Independence (Standards 3 and 6):
 * one entry per person who controls content, naming an instructor of the course or a planner,
 * and no relevant financial relationship that was not mitigated before the course.
 */
import type { Board } from '../schemas/board.ts';
import type { Course } from '../schemas/course.ts';
import type { CreditUnit } from '../schemas/ce.ts';
import type { Policy } from '../schemas/policy.ts';
import type { Sponsor } from '../schemas/sponsor.ts';
import { creditInHours } from '../../domain/ce/ce-approvals.ts';
import { amountText, hoursAmountText, shownAmount } from '../../domain/ce/ce-text.ts';
import { slugify } from '../../domain/slug.ts';
import { courseFormats, TOP_LEVEL_OFFERING_FIELDS } from '../../domain/offerings/offerings.ts';
import { approvalLapseRule, approvalRule } from './approval-problems.ts';
import { courseSchedule, OFFERING_CHECKS, type OfferingCheck } from './offering-rules.ts';
import { runRules, type Rule, type RuleProblem } from './rules.ts';

export type { RuleProblem } from './rules.ts';

/** What the rules may know beyond the course itself. */
export interface RuleContext {
  /** The unit a board counts credit in, for credits that leave `unit` out; from `boards` when left out. */
  creditUnitOf?: (board: string) => CreditUnit | undefined;
  /** Today, for dates too far ahead to be plausible; left out, that check is skipped. */
  today?: string;
  /** The valid boards, sponsors and policies; left out (in the admin), the rules across files are skipped. */
  boards?: ReadonlyMap<string, Board>;
  sponsors?: ReadonlyMap<string, Sponsor>;
  policies?: ReadonlyMap<string, Policy>;
  /** The build's clock, for the approvals an open-ended on-demand course advertises while online. */
  now?: number;
}

export type CourseRule = Rule<Course, RuleContext>;

/** "0.8 CEUs", "3 hours", "1 contact hour", to two decimals as pages print credit. */
function formatAmount(amount: number, unit: string): string {
  return unit === 'hours'
    ? hoursAmountText(amount)
    : amountText(amount, unit.replace(/s$/, ''), unit);
}

/** The most credit a page may print (two decimals) without exceeding `limit`: rounded down. */
function printableLimit(limit: number): number {
  return Math.floor(limit * 100 + 1e-9) / 100;
}

/** The fields the credit a schedule provides depends on: every check of every offering reads one of them. */
const SCHEDULE_FIELDS = [
  'format',
  'offerings',
  'sessions',
  'timeZone',
  'venue',
  'availableFrom',
  'availableUntil',
  'prices',
] as const;

/** One rule per check of an offering (offering-rules.ts), each reading the fields named here, the format and the offerings. */
function offeringCheckRules(reads: Record<OfferingCheck, readonly (keyof Course)[]>): CourseRule[] {
  return OFFERING_CHECKS.map((check) => ({
    name: check,
    reads: ['format', 'offerings', ...reads[check]],
    check: (course, context) => courseSchedule(course, context.today).problems[check],
  }));
}

type Found = Omit<RuleProblem, 'path' | 'field'>;
const at = (path: PropertyKey[], problem: Found): RuleProblem => ({ path, field: '', ...problem });

function offeringFieldsAtTopLevel(course: Partial<Course>): RuleProblem[] {
  if (course.offerings === undefined) return [];
  return TOP_LEVEL_OFFERING_FIELDS.filter((field) => course[field] !== undefined).map((field) =>
    at([field], {
      message: `\`${field}\` belongs in each offering when the course lists \`offerings\`.`,
      expected: `\`${field}\` inside each entry of \`offerings\``,
      found: `\`${field}\` at the top level`,
      fix: `Move \`${field}\` into the offerings it applies to.`,
    }),
  );
}

function formatStated(course: Partial<Course>): RuleProblem[] {
  if (course.offerings !== undefined || course.format !== undefined) return [];
  return [
    at(['format'], {
      message: 'The course does not say how it is given.',
      expected:
        'format: live-online, in-person, hybrid or on-demand (or a list of `offerings`, each with its format)',
      found: 'nothing',
      fix: 'Add `format: live-online` (or the format it has).',
    }),
  ];
}

function offeringIdsDistinct(course: Partial<Course>, context: RuleContext): RuleProblem[] {
  const { offerings, overlaps } = courseSchedule(course, context.today);
  const problems: RuleProblem[] = [];
  const seenIds = new Map<string, number>();
  offerings.forEach((offering, index) => {
    if (offering.path.length === 0) return;
    const first = seenIds.get(offering.id);
    if (first === undefined) seenIds.set(offering.id, index);
    // An offering written twice is reported once, as an overlap, not also for its shared id.
    else if (!overlaps.some((overlap) => overlap.first === first && overlap.second === index))
      problems.push(
        at([...offering.path, 'id'], {
          message: `Offerings ${first + 1} and ${index + 1} have the same id, "${offering.id}", so their calendar files would share an address.`,
          expected: 'a different id for each offering',
          found: JSON.stringify(offering.id),
          fix: 'Give one of them its own `id:`, such as `spring-2027`.',
        }),
      );
  });
  return problems;
}

function ceHoursMatchSchedule(course: Partial<Course>, context: RuleContext): RuleProblem[] {
  const shortest = courseSchedule(course, context.today).shortest;
  if (course.ceHours === undefined || !shortest) return [];
  const { creditHours, scheduled } = shortest;
  if (course.ceHours > creditHours + 1e-9)
    return [
      at(['ceHours'], {
        message: `The course awards more CE hours than the ${scheduled}.`,
        expected: `at most ${hoursAmountText(creditHours)}`,
        found: hoursAmountText(course.ceHours),
        fix: 'Correct `ceHours`, or the session times.',
      }),
    ];
  if (course.ceHours < creditHours - 1e-9 && !course.ceHoursNote)
    return [
      at(['ceHours'], {
        message: `The CE hours differ from the ${scheduled}.`,
        expected: hoursAmountText(creditHours),
        found: hoursAmountText(course.ceHours),
        fix: 'Correct `ceHours`, or add `ceHoursNote` saying why they differ (for example breaks that earn no credit).',
      }),
    ];
  return [];
}

function approvalsNotPending(course: Partial<Course>): RuleProblem[] {
  return (course.approvals ?? []).flatMap((approval, index) =>
    (
      [
        [['approvals', index, 'note'], approval.note],
        [['approvals', index, 'courseApproval', 'statement'], approval.courseApproval?.statement],
      ] as const
    ).flatMap(([path, value]) =>
      value === undefined || !/\bpending\b/i.test(value)
        ? []
        : [
            at([...path], {
              message:
                'A course page may not advertise an approval as pending: NASW forbids the wording, and Washington forbids advertising before approval.',
              expected: 'an approval the body has granted',
              found: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value),
              fix: 'Remove this approval until it is granted, then list it with its number.',
            }),
          ],
    ),
  );
}

const unitOf = (context: RuleContext, board: string): CreditUnit | undefined =>
  context.creditUnitOf ? context.creditUnitOf(board) : context.boards?.get(board)?.creditUnit;

function creditPartsAddUp(course: Partial<Course>, context: RuleContext): RuleProblem[] {
  return (course.approvals ?? []).flatMap((approval, index) => {
    const credit = approval.credit;
    if (!credit?.parts) return [];
    const unit = credit.unit ?? unitOf(context, approval.board);
    // Amounts are compared as the page prints them (two decimals), so that a message never
    // says "at most 0.63 CEUs, found 0.63 CEUs" and a page never shows more than is allowed.
    const printed = shownAmount(credit.amount);
    const total = credit.parts.reduce((sum, part) => sum + shownAmount(part.amount), 0);
    if (Math.abs(total - printed) <= 1e-9) return [];
    const shown = (amount: number) => formatAmount(amount, unit ?? 'hours');
    return [
      at(['approvals', index, 'credit', 'parts'], {
        message: `The parts add up to ${shown(total)}, not the ${shown(printed)} of this credit.`,
        expected: shown(printed),
        found: shown(total),
        fix: 'Make the parts add up to `amount`, or correct `amount`.',
      }),
    ];
  });
}

function creditWithinSchedule(course: Partial<Course>, context: RuleContext): RuleProblem[] {
  const shortest = courseSchedule(course, context.today).shortest;
  if (!shortest) return [];
  return (course.approvals ?? []).flatMap((approval, index) => {
    const credit = approval.credit;
    const unit = credit && (credit.unit ?? unitOf(context, approval.board));
    if (!credit || unit === undefined) return [];
    const printed = shownAmount(credit.amount);
    const limit = printableLimit(
      unit === 'CEUs' ? shortest.creditHours / 10 : shortest.creditHours,
    );
    if (printed <= limit + 1e-9) return [];
    return [
      at(['approvals', index, 'credit', 'amount'], {
        message: `This credit stands for ${hoursAmountText(creditInHours(printed, unit))}, more than the ${shortest.scheduled}.`,
        expected: `at most ${formatAmount(limit, unit)}`,
        found:
          printed === credit.amount
            ? formatAmount(printed, unit)
            : `${credit.amount} ${unit}, which the page prints as ${formatAmount(printed, unit)}`,
        fix: 'Correct the amount (0.1 CEU is one hour), or the session times.',
      }),
    ];
  });
}

function completionDates(course: Partial<Course>, context: RuleContext): RuleProblem[] {
  const completion = course.completion;
  if (
    !completion ||
    (completion.releaseDate === undefined && completion.creditEndsOn === undefined)
  )
    return [];
  const { offerings } = courseSchedule(course, context.today);
  if (offerings.length > 0 && !offerings.some((offering) => offering.format === 'on-demand'))
    return [
      at(['completion', completion.releaseDate !== undefined ? 'releaseDate' : 'creditEndsOn'], {
        message:
          'Release and end-of-credit dates are for on-demand courses; this one has sessions.',
        expected: 'no releaseDate or creditEndsOn',
        found: offerings.map((offering) => offering.format).join(', '),
        fix: 'Remove the dates, or change `format` to on-demand.',
      }),
    ];
  if (
    completion.releaseDate !== undefined &&
    completion.creditEndsOn !== undefined &&
    completion.creditEndsOn < completion.releaseDate
  )
    return [
      at(['completion', 'creditEndsOn'], {
        message: 'Credit ends before the material is released.',
        expected: `a date after ${completion.releaseDate}`,
        found: completion.creditEndsOn,
        fix: 'Correct `creditEndsOn` or `releaseDate`.',
      }),
    ];
  return [];
}

function ceHoursBreakdownAddsUp(course: Partial<Course>): RuleProblem[] {
  if (!course.ceHoursBreakdown || course.ceHours === undefined) return [];
  const total = course.ceHoursBreakdown.reduce((sum, part) => sum + part.hours, 0);
  if (Math.abs(total - course.ceHours) <= 1e-9) return [];
  return [
    at(['ceHoursBreakdown'], {
      message: `The parts add up to ${hoursAmountText(total)}, not the ${hoursAmountText(course.ceHours)} of \`ceHours\`.`,
      expected: hoursAmountText(course.ceHours),
      found: hoursAmountText(total),
      fix: 'Make the hours of the parts add up to `ceHours`.',
    }),
  ];
}

function boardsListedOnce(course: Partial<Course>): RuleProblem[] {
  const seenBoards = new Map<string, number>();
  return (course.approvals ?? []).flatMap((approval, index) => {
    const first = seenBoards.get(approval.board);
    if (first === undefined) {
      seenBoards.set(approval.board, index);
      return [];
    }
    return [
      at(['approvals', index, 'board'], {
        message: `The board "${approval.board}" is listed twice.`,
        expected: 'each board once',
        found: JSON.stringify(approval.board),
        fix: `Remove this entry, or merge it with approvals[${first}].`,
      }),
    ];
  });
}

function topicsDistinct(course: Partial<Course>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (path: PropertyKey[], problem: Found) => problems.push(at(path, problem));
  const seenTopics = new Map<string, number>();
  (course.topics ?? []).forEach((topic, index) => {
    const key = slugify(topic);
    if (key === '') {
      add(['topics', index], {
        message: 'The topic has no letters or digits to name a page by.',
        expected: 'a word or phrase',
        found: JSON.stringify(topic),
        fix: 'Write the topic in words.',
      });
    } else if (seenTopics.has(key)) {
      add(['topics', index], {
        message: `The topic "${topic}" is listed twice.`,
        expected: 'each topic once',
        found: JSON.stringify(topic),
        fix: 'Remove the repeated topic.',
      });
    } else seenTopics.set(key, index);
  });

  return problems;
}

function readingsComplete(course: Partial<Course>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (path: PropertyKey[], problem: Found) => problems.push(at(path, problem));
  (course.readings ?? []).forEach((reading, index) => {
    const needsAuthors = reading.type !== 'edited-book';
    if (needsAuthors && reading.authors.length === 0) {
      add(['readings', index, 'authors'], {
        message: `A ${reading.type} needs its authors.`,
        expected: 'a list of authors',
        found: 'no authors',
        fix: 'Add `authors: [{ family: "Neff", given: "K." }]`.',
      });
    }
    if (reading.type === 'edited-book' && reading.editors.length === 0) {
      add(['readings', index, 'editors'], {
        message: 'An edited book needs its editors.',
        expected: 'a list of editors',
        found: 'no editors',
        fix: 'Add `editors: [{ family: "Cassidy", given: "J." }]`.',
      });
    }
    if ((reading.type === 'article' || reading.type === 'chapter') && !reading.containerTitle) {
      const what = reading.type === 'article' ? 'the journal' : 'the book the chapter is in';
      add(['readings', index, 'containerTitle'], {
        message: `A ${reading.type} needs ${what}.`,
        expected: `the title of ${what}`,
        found: 'nothing',
        fix: `Add \`containerTitle:\` with the title of ${what}.`,
      });
    }
  });

  return problems;
}

function refundPolicyCoversFormats(course: Partial<Course>, context: RuleContext): RuleProblem[] {
  const policy =
    course.refundPolicy === undefined ? undefined : context.policies?.get(course.refundPolicy);
  if (!policy) return [];
  const uncovered = courseFormats(course).filter((format) => !policy.appliesTo.includes(format));
  if (uncovered.length === 0) return [];
  const formats = uncovered.join(' and ');
  return [
    at(['refundPolicy'], {
      message: `The policy "${course.refundPolicy}" does not cover ${formats} courses.`,
      expected: `a policy whose appliesTo includes ${formats}`,
      found: JSON.stringify(course.refundPolicy),
      fix: `Choose another policy, or add ${formats} to appliesTo in content/policies/${course.refundPolicy}.yaml if it really applies.`,
    }),
  ];
}

function disclosuresComplete(course: Partial<Course>): RuleProblem[] {
  const disclosures = course.disclosures;
  if (!disclosures) return [];
  const problems: RuleProblem[] = [];
  const add = (path: PropertyKey[], problem: Omit<RuleProblem, 'path' | 'field'>) =>
    problems.push({ path, field: '', ...problem });

  const seenPeople = new Map<string, number>();
  disclosures.people.forEach((person, index) => {
    const at = ['disclosures', 'people', index];
    if ((person.instructor === undefined) === (person.name === undefined)) {
      add(at, {
        message:
          'A disclosure names one person: an instructor of the course, or a planner by name.',
        expected: 'exactly one of `instructor` or `name`',
        found: person.instructor === undefined ? 'neither' : 'both',
        fix: 'Give `instructor: <slug>` for an instructor, or `name:` and `role: planner` for someone who plans the course.',
      });
      return;
    }
    if (
      person.instructor !== undefined &&
      course.instructors &&
      !course.instructors.includes(person.instructor)
    ) {
      add([...at, 'instructor'], {
        message: `"${person.instructor}" does not teach this course.`,
        expected: `one of the course's instructors: ${course.instructors.join(', ')}`,
        found: JSON.stringify(person.instructor),
        fix: 'Correct the slug, or add the instructor to `instructors`; a planner who does not teach is given by `name`.',
      });
    }
    const who = person.instructor ?? person.name!;
    if (person.relationships !== 'none') {
      person.relationships.forEach((relationship, relationshipIndex) => {
        if (relationship.mitigated) return;
        add([...at, 'relationships', relationshipIndex, 'mitigated'], {
          message: `${who}'s relationship with ${relationship.company} (${relationship.nature}) was not mitigated. A relevant financial relationship must be mitigated before the course (ACCME Standard 3); only then may the person control its content, with the relationship disclosed to learners.`,
          expected: 'a relationship mitigated before the course: `mitigated: true`',
          found: '`mitigated: false`',
          fix: `Mitigate it before the course, for example by having someone without financial relationships review ${who}'s content, then write \`mitigated: true\`; if it cannot be mitigated, give ${who}'s part to someone else.`,
        });
      });
    }
    const key = person.instructor ?? who.toLowerCase();
    const first = seenPeople.get(key);
    if (first !== undefined) {
      add(at, {
        message: `${who} has two disclosures.`,
        expected: 'one disclosure per person',
        found: `disclosures.people[${first}] and disclosures.people[${index}]`,
        fix: 'Merge them into one entry listing every relationship.',
      });
    } else seenPeople.set(key, index);
  });
  (course.instructors ?? []).forEach((instructor) => {
    if (!seenPeople.has(instructor)) {
      add(['disclosures', 'people'], {
        message: `The disclosures leave out ${instructor}, who teaches the course.`,
        expected: 'one disclosure for every instructor and planner',
        found: `no entry for ${instructor}`,
        fix: `Add \`- { instructor: ${instructor}, relationships: none }\`, or list the relationships.`,
      });
    }
  });
  return problems;
}

/** The fields the approval rules read: the claims, the sponsors that hold them, the hours and the dates. */
const APPROVAL_FIELDS = [
  'approvals',
  'sponsors',
  'ceHours',
  'sessions',
  'offerings',
  'availableFrom',
  'availableUntil',
  'completion',
] as const;

/**
 * Every rule about a course, in the order their messages are listed. A rule is skipped when a
 * field it reads failed the schema or names no file, so its message never repeats that one.
 */
export const COURSE_RULES: readonly CourseRule[] = [
  { name: 'approval-holder-and-period', reads: APPROVAL_FIELDS, check: approvalRule },
  {
    name: 'approval-lapse',
    reads: [...APPROVAL_FIELDS, 'format', 'timeZone'],
    check: approvalLapseRule,
  },
  {
    name: 'refund-policy-covers-formats',
    reads: ['refundPolicy', 'format', 'offerings'],
    check: refundPolicyCoversFormats,
  },
  { name: 'offering-fields-in-offerings', reads: ['offerings'], check: offeringFieldsAtTopLevel },
  { name: 'format-stated', reads: ['format', 'offerings'], check: formatStated },
  {
    name: 'offerings-apart',
    reads: ['offerings'],
    check: (course, context) =>
      courseSchedule(course, context.today).overlaps.map(({ problem }) => problem),
  },
  { name: 'offering-ids-distinct', reads: ['offerings'], check: offeringIdsDistinct },
  ...offeringCheckRules({
    'sessions-for-format': ['sessions'],
    'venue-for-format': ['venue'],
    'availability-on-demand': ['availableFrom', 'availableUntil'],
    'dates-have-time-zone': ['timeZone', 'sessions', 'availableFrom', 'availableUntil', 'prices'],
    'prices-complete': ['prices', 'sessions'],
    'session-ends-after-start': ['sessions'],
    'session-times-exist': ['sessions', 'timeZone'],
    'plausible-dates': ['sessions', 'availableFrom', 'availableUntil'],
  }),
  {
    name: 'ce-hours-match-schedule',
    reads: ['ceHours', 'ceHoursNote', ...SCHEDULE_FIELDS],
    check: ceHoursMatchSchedule,
  },
  { name: 'approval-not-pending', reads: ['approvals'], check: approvalsNotPending },
  { name: 'credit-parts-add-up', reads: ['approvals'], check: creditPartsAddUp },
  {
    name: 'credit-within-schedule',
    reads: ['approvals', ...SCHEDULE_FIELDS],
    check: creditWithinSchedule,
  },
  {
    name: 'disclosures-complete',
    reads: ['disclosures', 'instructors'],
    check: disclosuresComplete,
  },
  {
    name: 'completion-dates',
    reads: ['completion', 'format', 'offerings'],
    check: completionDates,
  },
  {
    name: 'ce-hours-breakdown-adds-up',
    reads: ['ceHoursBreakdown', 'ceHours'],
    check: ceHoursBreakdownAddsUp,
  },
  { name: 'boards-listed-once', reads: ['approvals'], check: boardsListedOnce },
  { name: 'topics-distinct', reads: ['topics'], check: topicsDistinct },
  { name: 'readings-complete', reads: ['readings'], check: readingsComplete },
];

/**
 * Runs the course rules over a course whose fields passed the schema; `failed` names the
 * top-level fields that did not, whose rules are skipped.
 */
export function courseRuleProblems(
  course: Partial<Course>,
  context: RuleContext = {},
  failed: ReadonlySet<string> = new Set(),
): RuleProblem[] {
  return runRules(COURSE_RULES, course, context, failed);
}
