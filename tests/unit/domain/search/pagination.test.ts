import { describe, expect, it } from 'vitest';
import {
  pageParam,
  pageSuffix,
  pageUrl,
  splitIntoPages,
} from '../../../../src/domain/search/pagination.ts';

describe('pagination', () => {
  it('splits a list into pages of the given size, the last one shorter', () => {
    const pages = splitIntoPages([1, 2, 3, 4, 5], 2);
    expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => [page.number, page.count, page.total])).toEqual([
      [1, 3, 5],
      [2, 3, 5],
      [3, 3, 5],
    ]);
  });
  it('gives an empty list one empty page', () => {
    expect(splitIntoPages([], 10)).toEqual([{ items: [], number: 1, count: 1, total: 0 }]);
  });
  it('puts page 1 at the base URL and later pages under page/n/', () => {
    expect([pageUrl('/courses/', 1), pageUrl('/courses/', 3)]).toEqual([
      '/courses/',
      '/courses/page/3/',
    ]);
    expect([pageParam(1), pageParam(2)]).toEqual([undefined, 'page/2']);
  });
  it('names later pages in titles', () => {
    expect([
      pageSuffix({ number: 1, count: 3 }),
      pageSuffix({ number: 2, count: 3 }),
      pageSuffix({ number: 1, count: 1 }),
    ]).toEqual(['', ' (page 2 of 3)', '']);
  });
});
