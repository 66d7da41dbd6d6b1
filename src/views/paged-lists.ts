/** Static paths for paginated course lists (catalog and browse pages). */
import type { CourseView } from './catalog.ts';
import { pageParam, splitIntoPages, type PageOf } from '../domain/search/pagination.ts';

export interface PagedTermProps {
  label: string;
  page: PageOf<CourseView>;
}

/** One route per page of each term: `{ [param]: key, page: undefined | 'page/2' }`. */
export function pagedTermPaths<P extends string>(
  param: P,
  terms: { key: string; label: string; items: CourseView[] }[],
) {
  return terms.flatMap((term) =>
    splitIntoPages(term.items).map((page) => ({
      params: { [param]: term.key, page: pageParam(page.number) } as Record<
        P | 'page',
        string | undefined
      >,
      props: { label: term.label, page } satisfies PagedTermProps,
    })),
  );
}
