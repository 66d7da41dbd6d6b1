/**
 * The editor's messages for approvals a course cannot claim: no sponsor holds the body's
 * approval, several do and the course does not say whose, or the approval does not cover the
 * course's dates.
 */
import {
  approvalEndsAt,
  creditDates,
  openEndedOnDemand,
  periodProblem,
  resolveApproval,
  type ApprovalResolution,
  type ResolvedApproval,
} from '../../domain/ce/ce-approvals.ts';
import type { Approval, Course } from '../schemas/course.ts';
import type { Sponsor } from '../schemas/sponsor.ts';
import { creditAmountText, shownAmount } from '../../domain/ce/ce-text.ts';
import { describeValue } from './problems.ts';
import type { RuleContext } from './course-rules.ts';
import type { RuleProblem } from './rules.ts';

type Failed = Extract<ApprovalResolution, { ok: false }>;

function list(ids: readonly string[]): string {
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : (ids[0] ?? '');
}

/** The problem with an approval claim that resolved to no holder. */
export function approvalProblem(
  failed: Failed,
  boardId: string,
  sponsors: readonly string[],
): RuleProblem {
  const code = failed.board.code;
  switch (failed.problem) {
    case 'no-holder':
      return {
        path: ['board'],
        field: '',
        message: `No sponsor of this course (${list(sponsors)}) is approved by ${code}, and the course gives no approval of its own.`,
        expected: `an approval from ${code} in a sponsor's file, or \`courseApproval\``,
        found: `no ${code} approval`,
        fix: `Add \`- board: ${boardId}\` under \`approvals\` in the file of the sponsor that holds it (content/sponsors/${sponsors[0]}.yaml), or give the course its own approval: \`courseApproval: { number: "…" }\`.`,
      };
    case 'several-holders':
      return {
        path: ['board'],
        field: '',
        message: `Several sponsors of this course are approved by ${code} (${list(failed.holders)}); the page must name the one whose approval gives the credit.`,
        expected: `\`sponsor:\` naming one of ${list(failed.holders)}`,
        found: 'no `sponsor`',
        fix: `Add \`sponsor: ${failed.holders[0]}\` (or another of them) to this approval.`,
      };
    case 'sponsor-not-listed':
      return {
        path: ['sponsor'],
        field: '',
        message: `"${failed.sponsor}" is not a sponsor of this course.`,
        expected: `one of the course's sponsors: ${list(sponsors)}`,
        found: JSON.stringify(failed.sponsor),
        fix: `Add "${failed.sponsor}" to \`sponsors\`, or name a sponsor the course has.`,
      };
    case 'sponsor-not-approved':
      return {
        path: ['sponsor'],
        field: '',
        message: `"${failed.sponsor}" holds no ${code} approval.`,
        expected:
          failed.holders.length > 0
            ? `a sponsor approved by ${code}: ${list(failed.holders)}`
            : `a sponsor approved by ${code}`,
        found: JSON.stringify(failed.sponsor),
        fix:
          failed.holders.length > 0
            ? `Use \`sponsor: ${failed.holders[0]}\`, or add the ${code} approval to content/sponsors/${failed.sponsor}.yaml.`
            : `Add the ${code} approval to content/sponsors/${failed.sponsor}.yaml, or give the course its own: \`courseApproval: { number: "…" }\`.`,
      };
  }
}

/** The problem when an approval does not cover the course's dates. */
export function approvalPeriodProblem(
  approval: ResolvedApproval,
  outside: { date: string; bound: 'validFrom' | 'validUntil' } | undefined,
): RuleProblem | undefined {
  if (!outside) return undefined;
  const { whose, where } = owner(approval);
  const ended = outside.bound === 'validUntil';
  const bound = ended ? approval.period.validUntil : approval.period.validFrom;
  return {
    path: ['board'],
    field: '',
    message: ended
      ? `${whose} ended on ${bound}, before the course's last date, ${outside.date}.`
      : `${whose} starts on ${bound}, after the course's first date, ${outside.date}.`,
    expected: `an approval valid from the course's first date to its last`,
    found: `${approval.period.validFrom ?? '…'} to ${approval.period.validUntil ?? '…'}`,
    fix: `Correct the approval's \`${outside.bound}\` ${where} if it was renewed, or remove this approval from the course.`,
  };
}

/** Whose approval it is, and where an editor corrects it. */
function owner({ holder, board }: ResolvedApproval): { whose: string; where: string } {
  return {
    whose:
      holder.kind === 'sponsor'
        ? `The ${board.code} approval of ${holder.sponsor.name}`
        : `This course's ${board.code} approval`,
    where:
      holder.kind === 'sponsor' ? `in content/sponsors/${holder.id}.yaml` : 'in `courseApproval`',
  };
}

/** How long before an approval ends the check starts saying so. */
export const LAPSE_WARNING_DAYS = 60;
const DAY = 86_400_000;

/**
 * An on-demand course on sale with no end date advertises its approvals for as long as it is
 * online, so each must be in force at least at the build's clock (`now`): a lapsed one is an
 * error, one that lapses within 60 days a warning. `open` is the open-ended offering's zone,
 * the zone the approval's last day is read in (see openEndedOnDemand).
 */
export function approvalLapseProblem(
  approval: ResolvedApproval,
  open: { timeZone: string } | undefined,
  now: number,
): { problem: RuleProblem; severity: 'error' | 'warning' } | undefined {
  const validUntil = approval.period.validUntil;
  const endsAt = open && approvalEndsAt(approval.period, open.timeZone);
  if (validUntil === undefined || endsAt === undefined || endsAt - now > LAPSE_WARNING_DAYS * DAY)
    return undefined;
  const { whose, where } = owner(approval);
  const found = `${approval.period.validFrom ?? '…'} to ${validUntil}`;
  const expected = 'an approval in force for as long as the course is on sale';
  if (now >= endsAt)
    return {
      severity: 'error',
      problem: {
        path: ['board'],
        field: '',
        message: `${whose} ended on ${validUntil}, and this on-demand course is on sale with no end date, so its page would advertise a lapsed approval.`,
        expected,
        found,
        fix: `Correct the approval's \`validUntil\` ${where} if it was renewed; otherwise end the on-demand offering by then (\`availableUntil: "${validUntil}"\`) or remove this approval from the course.`,
      },
    };
  return {
    severity: 'warning',
    problem: {
      path: ['board'],
      field: '',
      message: `${whose} ends on ${validUntil}, within ${LAPSE_WARNING_DAYS} days, and this on-demand course is on sale with no end date; from the day after, its page stops offering this credit.`,
      expected,
      found,
      fix: `Record the renewal in the approval's \`validUntil\` ${where} once it comes, or end the on-demand offering by then (\`availableUntil: "${validUntil}"\`).`,
    },
  };
}

const JOINT_OPENING = 'In support of improving patient care';

/**
 * The Joint Accreditation statement is the accreditors' wording with the provider's name: it
 * opens "In support of improving patient care," and names the organisation, or it is not theirs.
 */
export function jointAccreditationProblem(sponsor: Sponsor): RuleProblem | undefined {
  const statement = sponsor.jointAccreditation?.statement;
  if (statement === undefined) return undefined;
  if (statement.startsWith(JOINT_OPENING) && statement.includes(sponsor.name)) return undefined;
  return {
    path: ['jointAccreditation', 'statement'],
    field: '',
    message: `The Joint Accreditation statement must be the accreditors' wording, opening "${JOINT_OPENING}," and naming ${sponsor.name}.`,
    expected: `"${JOINT_OPENING}, ${sponsor.name} is jointly accredited by the Accreditation Council for Continuing Medical Education (ACCME), the Accreditation Council for Pharmacy Education (ACPE), and the American Nurses Credentialing Center (ANCC), to provide continuing education for the healthcare team."`,
    found: describeValue(statement),
    fix: `Copy the statement as Joint Accreditation gives it to ${sponsor.name}, word for word.`,
  };
}

/**
 * Credit through Joint Accreditation is printed as each body designates it (physicians: "… for
 * a maximum of 6.0 AMA PRA Category 1 Credits™"), so the designation must be there and state
 * this body's amount.
 */
export function designationProblem(
  approval: ResolvedApproval,
  claim: Approval,
): RuleProblem | undefined {
  if (approval.jointAccreditation === undefined) return undefined;
  const { board, credit } = approval;
  const amount = shownAmount(credit.amount);
  const organisation = approval.holder.kind === 'sponsor' ? approval.holder.sponsor.name : '';
  if (approval.designation === undefined)
    return {
      path: [],
      field: '',
      message: `The ${board.code} credit comes through the Joint Accreditation of ${organisation}, which prints each body's credit designation statement, and this approval has none.`,
      expected: `a designation statement naming ${creditAmountText(amount, credit.unit)}`,
      found: 'no `designation`',
      fix: `Add \`designation:\` to this approval with the statement as ${board.code} words it, or a \`designationTemplate\` with {organization} and {amount} to content/boards/${approval.boardId}.yaml.`,
    };
  const amounts = (claim.designation ?? '').match(/\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  if (claim.designation === undefined || amounts.includes(amount)) return undefined;
  return {
    path: ['designation'],
    field: '',
    message: `The ${board.code} designation statement does not state this approval's credit, ${creditAmountText(amount, credit.unit)}.`,
    expected: `a statement naming ${amount}`,
    found: describeValue(claim.designation),
    fix: `Correct the amount in \`designation\`, or \`credit.amount\` if the statement is right.`,
  };
}

interface ClaimCheck {
  index: number;
  /** The approval the claim resolved to, when it did. */
  approval?: ResolvedApproval;
  /** Why it cannot be claimed: no holder, or a period that does not cover the course. */
  problem?: RuleProblem;
}

// Both approval rules read the same resolutions: each course's are worked out once per context.
const claimChecks = new WeakMap<object, { context: RuleContext; claims: ClaimCheck[] }>();

function checkedClaims(course: Partial<Course>, context: RuleContext): ClaimCheck[] {
  const cached = claimChecks.get(course);
  if (cached?.context === context) return cached.claims;
  const claims = resolveClaims(course, context);
  claimChecks.set(course, { context, claims });
  return claims;
}

/**
 * Each approval the course claims, resolved against its board and sponsors. Resolved only when
 * the board and every sponsor are known (valid files), so that a missing one is reported once,
 * as a reference.
 */
function resolveClaims(course: Partial<Course>, context: RuleContext): ClaimCheck[] {
  const { boards, sponsors } = context;
  const { sponsors: ids, ceHours } = course;
  if (!boards || !sponsors || !ids || ceHours === undefined) return [];
  if (!ids.every((id) => sponsors.has(id))) return [];
  const dates = creditDates(course);
  return (course.approvals ?? []).flatMap((claim, index): ClaimCheck[] => {
    const board = boards.get(claim.board);
    if (!board) return [];
    const resolution = resolveApproval(claim, { sponsors: ids, ceHours }, board, sponsors);
    if (!resolution.ok) return [{ index, problem: approvalProblem(resolution, claim.board, ids) }];
    const problem =
      approvalPeriodProblem(
        resolution.approval,
        periodProblem(resolution.approval.period, dates),
      ) ?? designationProblem(resolution.approval, claim);
    return [{ index, approval: resolution.approval, ...(problem ? { problem } : {}) }];
  });
}

const inApproval = (index: number, { path, ...rest }: RuleProblem): RuleProblem => ({
  ...rest,
  path: ['approvals', index, ...path],
});

/** Rule: every approval has a holder, covers the course's dates and states its designation. */
export function approvalRule(course: Partial<Course>, context: RuleContext): RuleProblem[] {
  return checkedClaims(course, context).flatMap(({ index, problem }) =>
    problem ? [inApproval(index, problem)] : [],
  );
}

/**
 * Rule: an open-ended on-demand course advertises its approvals while it is online, so one that
 * has lapsed at the build's clock is an error, one about to lapse a warning.
 */
export function approvalLapseRule(course: Partial<Course>, context: RuleContext): RuleProblem[] {
  const { now } = context;
  if (now === undefined) return [];
  return checkedClaims(course, context).flatMap(({ index, approval, problem }) => {
    const lapse =
      approval && !problem
        ? approvalLapseProblem(approval, openEndedOnDemand(course), now)
        : undefined;
    if (!lapse) return [];
    const found = inApproval(index, lapse.problem);
    return [
      lapse.severity === 'warning'
        ? { ...found, code: 'approval-lapsing' as const, severity: 'warning' as const }
        : found,
    ];
  });
}
