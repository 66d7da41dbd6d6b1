/**
 * The search page's filter values and counts before any search, computed from the content at
 * build time: the same values the course pages give Pagefind (an integration test holds them
 * equal to the index's own), so the page can show its filters without loading Pagefind until
 * the reader first uses the search.
 */
import { professionsOf } from '../domain/ce/professions.ts';
import { filterValue, type FilterCounts, type FilterKey } from '../domain/search/search-filters.ts';
import { allCourses, type CourseView } from './catalog.ts';

/** The filter values one course page carries, by group. */
export function courseFilterValues(view: CourseView): Partial<Record<FilterKey, string[]>> {
  const { data } = view.entry;
  const years = [
    ...new Set(
      view.offerings.flatMap(({ sessions }) =>
        sessions.map(({ session }) => session.date.slice(0, 4)),
      ),
    ),
  ].sort();
  // A course is "Past" only when nothing of it is left to take, so hiding past courses never hides a rerun.
  const current = view.offerings.filter(
    ({ status, offering }) => status !== 'past' && offering.status !== 'cancelled',
  );
  const status =
    current.length === 0
      ? ['Past']
      : [
          ...new Set(
            current.map(({ status }) => (status === 'on-demand' ? 'On demand' : 'Upcoming')),
          ),
        ];
  return {
    format: view.formats.map(filterValue.format),
    level: data.levels.map(filterValue.level),
    profession: professionsOf(view.approvals.map(({ board }) => board.data)).map(
      filterValue.profession,
    ),
    board: view.approvals.map(({ board }) => filterValue.board(board.data)),
    topic: data.topics.map(filterValue.topic),
    instructor: view.instructors.map(({ data: instructor }) => filterValue.instructor(instructor)),
    status,
    ...(years.length === 0 ? {} : { year: years }),
  };
}

/** How many pages carry each filter value: what Pagefind's `filters()` answers for this site. */
export async function siteFilterCounts(): Promise<FilterCounts> {
  const counts: Record<string, Record<string, number>> = {};
  for (const view of await allCourses()) {
    for (const [key, values] of Object.entries(courseFilterValues(view))) {
      const group = (counts[key] ??= {});
      for (const value of new Set(values)) group[value] = (group[value] ?? 0) + 1;
    }
  }
  return counts;
}
