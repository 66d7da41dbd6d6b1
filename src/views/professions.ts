/** The profession pages' view: for each profession the boards name, the courses whose credit applies, and the states the boards say anything about. */
import {
  applicableCredits,
  professionsOf,
  servesProfession,
  statesNamed,
  type ApplicableCredit,
  type Profession,
} from '../domain/ce/professions.ts';
import { US_JURISDICTIONS, type Jurisdiction } from '../collections/schemas/jurisdiction.ts';
import { allCourses, type CourseView } from './catalog.ts';

// Components name states through this view, not the schema (src/README.md's folder table).
export type { Jurisdiction };

/** A state's name as the profession pages show it: "New York" for NY. */
export function jurisdictionName(state: Jurisdiction): string {
  return US_JURISDICTIONS[state];
}

export type CourseApproval = CourseView['approvals'][number];
export interface ProfessionCourse {
  view: CourseView;
  credits: ApplicableCredit<CourseApproval>[];
}

export interface ProfessionView {
  profession: Profession;
  states: Jurisdiction[];
  /** Upcoming, running and on-demand courses that give the profession credit, soonest first. */
  current: ProfessionCourse[];
  /** How many past courses gave it credit. */
  pastCount: number;
}

const boardOf = (approval: CourseApproval) => approval.board.data;

const cached = new Map<Jurisdiction | undefined, Promise<ProfessionView[]>>();

/**
 * Every profession with at least one course, with its courses as seen from `state` (all states
 * when left out). Computed once per state in a build (the home page, the index and every
 * profession and state page ask); the dev server's content changes under it, so it recomputes.
 */
export function professionViews(state?: Jurisdiction): Promise<ProfessionView[]> {
  if (import.meta.env.DEV) return computeProfessionViews(state);
  let views = cached.get(state);
  if (!views) {
    views = computeProfessionViews(state);
    cached.set(state, views);
  }
  return views;
}

async function computeProfessionViews(state?: Jurisdiction): Promise<ProfessionView[]> {
  const courses = await allCourses();
  const boards = [
    ...new Map(
      courses.flatMap((view) =>
        view.approvals.map((approval) => [approval.board.id, approval.board.data] as const),
      ),
    ).values(),
  ];
  return professionsOf(boards).flatMap((profession) => {
    const forProfession = courses.flatMap((view) => {
      const credits = applicableCredits(view.approvals, boardOf, profession.slug, state);
      return credits.length > 0 ? [{ view, credits }] : [];
    });
    if (forProfession.length === 0) return [];
    const current = forProfession.filter(({ view }) => view.status !== 'past');
    return [
      {
        profession,
        states: statesNamed(boards.filter((board) => servesProfession(board, profession.slug))),
        current,
        pastCount: forProfession.length - current.length,
      },
    ];
  });
}
