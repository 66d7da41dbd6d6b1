/**
 * The browse facets of the catalog, each once: adding a facet is one entry here. The one facet
 * route (`src/pages/[facet]/[term]/[...page].astro`), the browse links and the index pages all
 * read this list, and a term's page lives at `/<facet>/<term>/`.
 */
import { FORMAT_LABELS, LEVEL_LABELS, paths, termPath } from '../domain/labels.ts';
import { boardFilterValue } from '../domain/search/search-filters.ts';
import { slugify } from '../domain/slug.ts';
import { groupByTerm, type Term } from '../domain/ce/taxonomy.ts';
import { allCourses, type CourseView } from './catalog.ts';

export interface Facet {
  /** The first segment of its pages' URLs. */
  segment: string;
  /** Heading of its group in the browse links. */
  title: string;
  /** The terms a course carries, as [key, label]; the key is the URL segment. */
  termsOf: (view: CourseView) => Iterable<readonly [string, string]>;
  /** The crumb between Home and a term's page. */
  parent: { name: string; href: string };
  pageTitle: (label: string) => string;
  pageDescription: (label: string) => string;
}

export const FACETS = {
  formats: {
    segment: 'formats',
    title: 'Format',
    termsOf: (view) => view.formats.map((format) => [format, FORMAT_LABELS[format]] as const),
    parent: { name: 'Courses', href: paths.courses() },
    pageTitle: (label) => `${label} courses`,
    pageDescription: (label) => `Continuing-education courses delivered ${label.toLowerCase()}.`,
  },
  levels: {
    segment: 'levels',
    title: 'Level',
    termsOf: (view) => view.entry.data.levels.map((level) => [level, LEVEL_LABELS[level]] as const),
    parent: { name: 'Courses', href: paths.courses() },
    pageTitle: (label) => `${label} level courses`,
    pageDescription: (label) =>
      `Continuing-education courses suited to the ${label.toLowerCase()} level.`,
  },
  topics: {
    segment: 'topics',
    title: 'Topic',
    termsOf: (view) => view.entry.data.topics.map((topic) => [slugify(topic), topic] as const),
    parent: { name: 'Topics', href: paths.topics() },
    pageTitle: (label) => `Courses on ${label}`,
    pageDescription: (label) =>
      `Continuing-education courses on ${label} for mental-health professionals.`,
  },
  boards: {
    segment: 'boards',
    title: 'CE board',
    termsOf: (view) =>
      view.approvals.map(({ board }) => [board.id, boardFilterValue(board.data)] as const),
    parent: { name: 'CE boards', href: paths.boards() },
    pageTitle: (label) => `Courses approved by ${label}`,
    pageDescription: (label) => `Courses approved for CE credit by ${label}.`,
  },
} as const satisfies Record<string, Facet>;

export type FacetName = keyof typeof FACETS;

/** The page of one term of a facet: the same URL `paths` gives a topic, board, format or level. */
export function facetTermPath(facet: FacetName, key: string): string {
  return termPath(FACETS[facet].segment, key);
}

export type FacetTerms = Record<FacetName, Term<CourseView>[]>;

let cached: Promise<FacetTerms> | undefined;

/** Every facet's terms that at least one course carries, each with its courses, sorted by label. */
export function facets(): Promise<FacetTerms> {
  // The dev server's content changes under it; a build's does not.
  if (import.meta.env.DEV) return groupFacets();
  cached ??= groupFacets();
  return cached;
}

async function groupFacets(): Promise<FacetTerms> {
  const courses = await allCourses();
  const entries = (Object.keys(FACETS) as FacetName[]).map(
    (name) => [name, groupByTerm(courses, FACETS[name].termsOf)] as const,
  );
  return Object.fromEntries(entries) as FacetTerms;
}
