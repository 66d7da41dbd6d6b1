/** The browse facets of the catalog: which topics, boards, formats and levels have courses. */
import { FORMAT_LABELS, LEVEL_LABELS } from '../domain/labels.ts';
import { boardFilterValue } from '../domain/search/search-filters.ts';
import { slugify } from '../domain/slug.ts';
import { groupByTerm } from '../domain/ce/taxonomy.ts';
import { allCourses } from './catalog.ts';

export async function facets() {
  const courses = await allCourses();
  return {
    topics: groupByTerm(courses, (view) => view.entry.data.topics.map((topic) => [slugify(topic), topic] as const)),
    boards: groupByTerm(courses, (view) =>
      view.approvals.map(({ board }) => [board.id, boardFilterValue(board.data)] as const),
    ),
    formats: groupByTerm(courses, (view) => view.formats.map((format) => [format, FORMAT_LABELS[format]] as const)),
    levels: groupByTerm(courses, (view) => view.entry.data.levels.map((level) => [level, LEVEL_LABELS[level]] as const)),
  };
}
