/**
 * Which organisation's approval gives a course its credit from a body, and what the page states
 * for it: the approved organisation, its provider number, the statement in the body's words and
 * the credit in the body's unit. A course claims a body through one of its sponsors' approvals
 * or through an approval of its own; nothing here invents a statement the content lacks.
 */
import type { Board } from '../../collections/schemas/board.ts';
import type { CreditUnit, ProviderApproval } from '../../collections/schemas/ce.ts';
import { shownAmount } from './ce-text.ts';
import type { Approval, Course } from '../../collections/schemas/course.ts';
import type { Sponsor } from '../../collections/schemas/sponsor.ts';

type CreditDatesSource = Partial<
  Pick<Course, 'sessions' | 'availableFrom' | 'availableUntil' | 'offerings' | 'completion'>
>;
type OnSaleSource = Partial<
  Pick<Course, 'format' | 'timeZone' | 'offerings' | 'completion' | 'availableUntil'>
>;

export type CreditPart = NonNullable<NonNullable<Approval['credit']>['parts']>[number];

export interface Credit {
  amount: number;
  unit: CreditUnit;
  parts: CreditPart[];
}

interface Period {
  validFrom?: string | undefined;
  validUntil?: string | undefined;
}

export type ApprovalHolder =
  | { kind: 'sponsor'; id: string; sponsor: Sponsor; approval: ProviderApproval }
  | { kind: 'course'; approval: NonNullable<Approval['courseApproval']> };

export interface ResolvedApproval {
  boardId: string;
  board: Board;
  holder: ApprovalHolder;
  /** The provider number (sponsor approvals) or the course's approval number. */
  number?: string;
  /** The statement as the body words it; undefined when the content gives none. */
  statement?: string;
  period: Period;
  credit: Credit;
  note?: string;
  /** For a body reached through Joint Accreditation: its one statement, printed once for every body it covers. */
  jointAccreditation?: { sponsorId: string; statement: string };
  /** The body's credit designation statement for this course (the claim's own, else the board's template filled in). */
  designation?: string;
}

export type ApprovalResolution =
  | { ok: true; approval: ResolvedApproval }
  | { ok: false; problem: 'no-holder'; board: Board }
  | { ok: false; problem: 'several-holders'; board: Board; holders: string[] }
  | { ok: false; problem: 'sponsor-not-listed'; board: Board; sponsor: string }
  | {
      ok: false;
      problem: 'sponsor-not-approved';
      board: Board;
      sponsor: string;
      holders: string[];
    };

/** A body's template with the organisation's name and number filled in, or undefined if a placeholder has no value. */
export function fillStatement(
  template: string,
  values: { organization: string; providerNumber?: string | undefined; amount?: string },
): string | undefined {
  let missing = false;
  const filled = template.replace(
    /\{(organization|providerNumber|amount)\}/g,
    (_match, name: 'organization' | 'providerNumber' | 'amount') => {
      const value = values[name];
      if (value === undefined) missing = true;
      return value ?? '';
    },
  );
  return missing ? undefined : filled;
}

/** Hours a credit stands for, to compare with the schedule: 0.1 CEU is one hour (ASHA, IACET). */
export function creditInHours(amount: number, unit: CreditUnit): number {
  return unit === 'CEUs' ? amount * 10 : amount;
}

function creditOf(claim: Approval, board: Board, ceHours: number): Credit {
  if (!claim.credit) return { amount: ceHours, unit: 'hours', parts: [] };
  return {
    amount: claim.credit.amount,
    unit: claim.credit.unit ?? board.creditUnit,
    parts: claim.credit.parts ?? [],
  };
}

/** Resolves one approval a course claims against its sponsors' approvals. */
export function resolveApproval(
  claim: Approval,
  course: Pick<Course, 'sponsors' | 'ceHours'>,
  board: Board,
  sponsors: ReadonlyMap<string, Sponsor>,
): ApprovalResolution {
  const shared = {
    boardId: claim.board,
    board,
    credit: creditOf(claim, board, course.ceHours),
    ...(claim.note === undefined ? {} : { note: claim.note }),
  };
  if (claim.courseApproval) {
    const own = claim.courseApproval;
    return {
      ok: true,
      approval: {
        ...shared,
        holder: { kind: 'course', approval: own },
        ...(own.number === undefined ? {} : { number: own.number }),
        ...(own.statement === undefined ? {} : { statement: own.statement }),
        period: { validFrom: own.validFrom, validUntil: own.validUntil },
      },
    };
  }
  const holders = course.sponsors.filter((id) => {
    const sponsor = sponsors.get(id);
    return sponsor !== undefined && sponsorApproval(sponsor, claim.board) !== undefined;
  });
  if (claim.sponsor !== undefined && !course.sponsors.includes(claim.sponsor)) {
    return { ok: false, problem: 'sponsor-not-listed', board, sponsor: claim.sponsor };
  }
  if (claim.sponsor !== undefined && !holders.includes(claim.sponsor)) {
    return { ok: false, problem: 'sponsor-not-approved', board, sponsor: claim.sponsor, holders };
  }
  const holderId = claim.sponsor ?? holders[0];
  if (holderId === undefined) return { ok: false, problem: 'no-holder', board };
  if (claim.sponsor === undefined && holders.length > 1)
    return { ok: false, problem: 'several-holders', board, holders };
  const sponsor = sponsors.get(holderId)!;
  const { joint, ...approval } = sponsorApproval(sponsor, claim.board)!;
  const designation =
    claim.designation ??
    (board.designationTemplate === undefined
      ? undefined
      : fillStatement(board.designationTemplate, {
          organization: sponsor.name,
          amount: String(shownAmount(shared.credit.amount)),
        }));
  const statement =
    approval.statement ??
    (board.statementTemplate === undefined
      ? undefined
      : fillStatement(board.statementTemplate, {
          organization: sponsor.name,
          providerNumber: approval.providerNumber,
        }));
  return {
    ok: true,
    approval: {
      ...shared,
      holder: { kind: 'sponsor', id: holderId, sponsor, approval },
      ...(approval.providerNumber === undefined ? {} : { number: approval.providerNumber }),
      ...(statement === undefined ? {} : { statement }),
      period: { validFrom: approval.validFrom, validUntil: approval.validUntil },
      ...(designation === undefined ? {} : { designation }),
      ...(joint && approval.statement !== undefined
        ? { jointAccreditation: { sponsorId: holderId, statement: approval.statement } }
        : {}),
    },
  };
}

/**
 * A sponsor's approval by one body: its own entry under `approvals`, else its Joint
 * Accreditation when that covers the body (its number, period and statement, `joint` set).
 */
export function sponsorApproval(
  sponsor: Sponsor,
  boardId: string,
): (ProviderApproval & { joint: boolean }) | undefined {
  const own = sponsor.approvals.find((approval) => approval.board === boardId);
  if (own) return { ...own, joint: false };
  const joint = sponsor.jointAccreditation;
  if (!joint?.boards.includes(boardId)) return undefined;
  return {
    board: boardId,
    statement: joint.statement,
    ...(joint.providerNumber === undefined ? {} : { providerNumber: joint.providerNumber }),
    ...(joint.validFrom === undefined ? {} : { validFrom: joint.validFrom }),
    ...(joint.validUntil === undefined ? {} : { validUntil: joint.validUntil }),
    joint: true,
  };
}

/** The dates a course gives credit on: its first and last session, or an on-demand course's release and end of credit. */
export function creditDates(course: CreditDatesSource): { first?: string; last?: string } {
  // Read straight from the fields rather than through courseOfferings, so partial data (a course
  // whose format failed validation) still has dates to check.
  const sources = course.offerings ?? [course];
  const sorted = (dates: (string | undefined)[]) =>
    dates.filter((date) => date !== undefined).sort();
  const sessionDates = sorted(
    sources.flatMap((source) => (source.sessions ?? []).map((session) => session.date)),
  );
  const first = sorted([
    sessionDates[0],
    course.completion?.releaseDate,
    ...sources.map((source) => source.availableFrom),
  ])[0];
  const last = sorted([
    sessionDates.at(-1),
    course.completion?.creditEndsOn,
    ...sources.map((source) => source.availableUntil),
  ]).at(-1);
  return { ...(first === undefined ? {} : { first }), ...(last === undefined ? {} : { last }) };
}

/** Why an approval does not cover the course's dates, or undefined when it does (ISO dates compare as text). */
export function periodProblem(
  period: Period,
  dates: { first?: string; last?: string },
): { date: string; bound: 'validFrom' | 'validUntil' } | undefined {
  if (period.validUntil !== undefined && dates.last !== undefined && dates.last > period.validUntil)
    return { date: dates.last, bound: 'validUntil' };
  if (period.validFrom !== undefined && dates.first !== undefined && dates.first < period.validFrom)
    return { date: dates.first, bound: 'validFrom' };
  return undefined;
}

/** "Institute for Better Health (IBH)": the approved organisation as the page names it. */
export function holderName(holder: ApprovalHolder): string | undefined {
  if (holder.kind === 'course') return undefined;
  return holder.sponsor.shortName
    ? `${holder.sponsor.name} (${holder.sponsor.shortName})`
    : holder.sponsor.name;
}

/**
 * The instant an approval lapses: the start of the day after `validUntil` in the course's zone
 * (UTC for a course that names none); undefined for an approval with no end.
 */
export function approvalEndsAt(period: Period, timeZone = 'UTC'): number | undefined {
  if (period.validUntil === undefined) return undefined;
  return Temporal.PlainDate.from(period.validUntil).add({ days: 1 }).toZonedDateTime({ timeZone })
    .epochMilliseconds;
}

/**
 * An on-demand offering that stays on sale with no end (no `availableUntil`) in a course that
 * sets no last day of credit (`creditEndsOn`): its approvals must hold at least until now. Its
 * zone is returned (UTC when it names none), the zone its approvals' last days are read in.
 */
export function openEndedOnDemand(course: OnSaleSource): { timeZone: string } | undefined {
  if (course.completion?.creditEndsOn !== undefined) return undefined;
  const sources = course.offerings ?? [course];
  const open = sources.find(
    (source) => source.format === 'on-demand' && source.availableUntil === undefined,
  );
  return open === undefined ? undefined : { timeZone: open.timeZone ?? 'UTC' };
}
