/**
 * Which courses count for a profession, and in which state: a course gives a profession credit
 * through each approval whose body lists that profession, and a state's acceptance is only what
 * the body's file states (accepted, not accepted, or nothing known). The licensing board is the
 * final authority; nothing here claims more than the content says.
 */
import type { Board } from '../../collections/schemas/board.ts';
import { US_JURISDICTIONS, type Jurisdiction } from '../../collections/schemas/jurisdiction.ts';
import { slugify } from '../slug.ts';

export type Acceptance = 'accepted' | 'not-accepted' | 'unknown';

/** What a state's board does with a body's credit, as far as the content says. */
export function acceptanceIn(
  board: Pick<Board, 'jurisdictions'>,
  state: Jurisdiction | undefined,
): Acceptance {
  if (state === undefined || !board.jurisdictions) return 'unknown';
  if (board.jurisdictions.notAccepted.includes(state)) return 'not-accepted';
  if (board.jurisdictions.accepted.includes(state)) return 'accepted';
  return 'unknown';
}

export interface Profession {
  slug: string;
  name: string;
}

/** Every profession the boards name, by slug; the first spelling seen names it. */
export function professionsOf(boards: Iterable<Pick<Board, 'professions'>>): Profession[] {
  const bySlug = new Map<string, string>();
  for (const board of boards)
    for (const name of board.professions)
      if (!bySlug.has(slugify(name))) bySlug.set(slugify(name), name);
  return [...bySlug]
    .map(([slug, name]) => ({ slug, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

// Each board's professions as slugs, made once: the profession pages ask of every approval of
// every course, for every profession and state (millions of times at 5,000 courses).
const professionSlugs = new WeakMap<readonly string[], Set<string>>();

export function servesProfession(board: Pick<Board, 'professions'>, profession: string): boolean {
  let slugs = professionSlugs.get(board.professions);
  if (!slugs) {
    slugs = new Set(board.professions.map(slugify));
    professionSlugs.set(board.professions, slugs);
  }
  return slugs.has(profession);
}

/** The states a set of boards says anything about, in name order. */
export function statesNamed(boards: Iterable<Pick<Board, 'jurisdictions'>>): Jurisdiction[] {
  const states = new Set<Jurisdiction>();
  for (const board of boards)
    for (const state of [
      ...(board.jurisdictions?.accepted ?? []),
      ...(board.jurisdictions?.notAccepted ?? []),
    ])
      states.add(state);
  return [...states].sort((a, b) => US_JURISDICTIONS[a].localeCompare(US_JURISDICTIONS[b]));
}

export interface ApplicableCredit<A> {
  approval: A;
  acceptance: Acceptance;
}

/**
 * The approvals of a course that give this profession credit, each with what the state's board
 * does with it; approvals the state does not accept are left out. Empty: the course does not count.
 */
export function applicableCredits<A>(
  approvals: readonly A[],
  boardOf: (approval: A) => Pick<Board, 'professions' | 'jurisdictions'>,
  profession: string,
  state?: Jurisdiction,
): ApplicableCredit<A>[] {
  return approvals
    .filter((approval) => servesProfession(boardOf(approval), profession))
    .map((approval) => ({ approval, acceptance: acceptanceIn(boardOf(approval), state) }))
    .filter(({ acceptance }) => acceptance !== 'not-accepted');
}

/** The states, in name order, as a reader lists them: "New Jersey, New York or North Carolina". */
function stateList(states: readonly Jurisdiction[]): string {
  const names = states.map((state) => US_JURISDICTIONS[state]);
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

export interface RefusedCredit {
  /** The profession, as the board names it. */
  profession: string;
  /** The states whose boards accept none of the course's credit for that profession, in name order. */
  states: Jurisdiction[];
  /** The sentence the course page prints beside the credit. */
  text: string;
}

/**
 * Where one of a course's credits is worth nothing to a profession: the states whose boards do
 * not accept it (as its body's file states) and accept none of the course's other credit for
 * that profession either. NASW credit alone is refused in New York, New Jersey, North Carolina
 * and West Virginia; beside a New York State approval, New York drops out. Each profession the
 * body serves is said apart; empty when no state refuses it outright.
 */
export function refusedCredit<A>(
  approval: A,
  approvals: readonly A[],
  boardOf: (approval: A) => Pick<Board, 'code' | 'professions' | 'jurisdictions'>,
): RefusedCredit[] {
  const board = boardOf(approval);
  const refusing = board.jurisdictions?.notAccepted ?? [];
  if (refusing.length === 0) return [];
  return board.professions.flatMap((profession) => {
    const slug = slugify(profession);
    const others = approvals.filter(
      (other) => other !== approval && servesProfession(boardOf(other), slug),
    );
    const states = refusing
      .filter((state) =>
        others.every((other) => acceptanceIn(boardOf(other), state) === 'not-accepted'),
      )
      .sort((a, b) => US_JURISDICTIONS[a].localeCompare(US_JURISDICTIONS[b]));
    if (states.length === 0) return [];
    const who = professionInText(profession);
    const credit =
      others.length === 0
        ? `${board.code} credit`
        : `${board.code} credit, nor the course’s other credit for ${who}`;
    return [
      {
        profession,
        states,
        text: `${who.charAt(0).toUpperCase()}${who.slice(1)} licensed in ${stateList(states)} get no credit from this course: ${states.length === 1 ? 'that state’s board does' : 'those states’ boards do'} not accept ${credit} (${board.jurisdictions?.source}).`,
      },
    ];
  });
}

/** "social workers", "MFTs": a profession in running text, acronyms kept. */
export function professionInText(name: string): string {
  return name.replace(/\b[A-Z][a-z]+\b/g, (word) => word.toLowerCase());
}

/** "Courses for social workers": the title of a profession's page. */
export function professionTitle(name: string): string {
  return `Courses for ${professionInText(name)}`;
}
