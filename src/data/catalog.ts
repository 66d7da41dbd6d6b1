/**
 * The content collections joined into the view the pages need: each course with its
 * instructors, boards, sponsors and policy resolved, its sessions as instants, and its status
 * at build time. References were checked by the validator, so a missing one here is a bug.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { resolveApproval, type ResolvedApproval } from '../lib/ce-approvals.ts';
import { buildNow } from '../lib/clock.ts';
import { refundTerms, type RefundTerms } from '../lib/refund.ts';
import { assertNoDevProblems } from '../lib/content/dev-problems.ts';
import { courseStatus, formatDateRange, sessionTimes, type CourseStatus, type SessionTime } from '../lib/schedule.ts';

export type CourseEntry = CollectionEntry<'courses'>;
export type InstructorEntry = CollectionEntry<'instructors'>;
export type BoardEntry = CollectionEntry<'boards'>;

export interface CourseView {
  entry: CourseEntry;
  slug: string;
  instructors: InstructorEntry[];
  /** Each approval the course claims, resolved to the organisation that holds it. */
  approvals: { board: BoardEntry; approval: ResolvedApproval }[];
  sponsors: CollectionEntry<'sponsors'>[];
  policy: CollectionEntry<'policies'>;
  sessions: SessionTime[];
  status: CourseStatus;
  /** The refund terms of the course's policy, in real dates: shown in the key facts and in full. */
  refund: RefundTerms;
  /** "October 19 – November 9, 2020"; undefined for on-demand courses. */
  dateRange?: string;
  /** Epoch milliseconds of the first session, for sorting; undefined for on-demand. */
  startsAt?: number;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Unresolved reference: ${what}`);
  return value;
}

let cached: Promise<CourseView[]> | undefined;

async function loadCourses(): Promise<CourseView[]> {
  const [courses, instructors, boards, sponsors, policies] = await Promise.all([
    getCollection('courses'),
    getCollection('instructors'),
    getCollection('boards'),
    getCollection('sponsors'),
    getCollection('policies'),
  ]);
  const byId = <T extends { id: string }>(entries: T[]) => new Map(entries.map((entry) => [entry.id, entry]));
  const instructorById = byId(instructors);
  const boardById = byId(boards);
  const sponsorById = byId(sponsors);
  const sponsorData = new Map(sponsors.map((sponsor) => [sponsor.id, sponsor.data]));
  const policyById = byId(policies);
  const now = buildNow();

  return courses.map((entry) => {
    const { data } = entry;
    const sessions = sessionTimes(data);
    const first = sessions[0];
    const last = sessions.at(-1);
    return {
      entry,
      slug: entry.id,
      instructors: data.instructors.map((id) => required(instructorById.get(id), `instructor ${id}`)),
      approvals: data.approvals.map((claim) => {
        const board = required(boardById.get(claim.board), `board ${claim.board}`);
        const resolution = resolveApproval(claim, data, board.data, sponsorData);
        if (!resolution.ok) throw new Error(`Unresolved approval: ${claim.board} of ${entry.id} (${resolution.problem})`);
        return { board, approval: resolution.approval };
      }),
      sponsors: data.sponsors.map((id) => required(sponsorById.get(id), `sponsor ${id}`)),
      policy: required(policyById.get(data.refundPolicy), `policy ${data.refundPolicy}`),
      sessions,
      status: courseStatus(data, now),
      refund: refundTerms(data, required(policyById.get(data.refundPolicy), `policy ${data.refundPolicy}`).data),
      ...(first && last ? { dateRange: formatDateRange(first.session.date, last.session.date), startsAt: first.start.epochMilliseconds } : {}),
    };
  });
}

/** Every published course: upcoming and running ones first (soonest first), then past ones (latest first). */
export async function allCourses(): Promise<CourseView[]> {
  if (import.meta.env.DEV) {
    // The dev server's content changes under it: no cache, and bad content is reported.
    assertNoDevProblems();
    return sortForCatalog(await loadCourses());
  }
  cached ??= loadCourses().then((views) => sortForCatalog(views));
  return cached;
}

const STATUS_ORDER: Record<CourseStatus, number> = { 'in-progress': 0, upcoming: 1, 'on-demand': 2, past: 3 };

export function sortForCatalog(views: CourseView[]): CourseView[] {
  return [...views].sort((a, b) => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    const direction = a.status === 'past' ? -1 : 1;
    return direction * ((a.startsAt ?? 0) - (b.startsAt ?? 0)) || a.entry.data.title.localeCompare(b.entry.data.title);
  });
}

export async function siteSettings() {
  if (import.meta.env.DEV) assertNoDevProblems();
  return required(await getEntry('site', 'site'), 'site settings').data;
}

export async function publisher() {
  const site = await siteSettings();
  return required(await getEntry('sponsors', site.organization), `sponsor ${site.organization}`).data;
}
