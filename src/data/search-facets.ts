/**
 * The search page's filter values and counts before any search, computed from the content at
 * build time: the same values the course pages give Pagefind (an integration test holds them
 * equal to the index's own), so the page can show its filters without loading Pagefind until
 * the reader first uses the search.
 */
import { FORMAT_LABELS, LEVEL_LABELS } from '../lib/labels.ts';
import { professionsOf } from '../lib/professions.ts';
import { boardFilterValue, type FilterCounts, type FilterKey } from '../lib/search-filters.ts';
import { allCourses, type CourseView } from './catalog.ts';

/** The filter values one course page carries, by group. */
export function courseFilterValues(view: CourseView): Partial<Record<FilterKey, string[]>> {
  const { data } = view.entry;
  const year = view.sessions[0]?.session.date.slice(0, 4);
  return {
    format: [FORMAT_LABELS[data.format]],
    level: data.levels.map((level) => LEVEL_LABELS[level]),
    profession: professionsOf(view.approvals.map(({ board }) => board.data)).map((profession) => profession.name),
    board: view.approvals.map(({ board }) => boardFilterValue(board.data)),
    topic: [...data.topics],
    instructor: view.instructors.map(({ data: instructor }) => instructor.name),
    status: [view.status === 'past' ? 'Past' : view.status === 'on-demand' ? 'On demand' : 'Upcoming'],
    ...(year === undefined ? {} : { year: [year] }),
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
