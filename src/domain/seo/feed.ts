/** Feed order: the most recently published first; courses without a publish date fall back to their first session. */
export interface FeedDates {
  publishDate?: string | undefined;
  firstSessionDate?: string | undefined;
}

export function newestFirst<T>(items: readonly T[], datesOf: (item: T) => FeedDates): T[] {
  const key = (item: T) => {
    const dates = datesOf(item);
    return dates.publishDate ?? dates.firstSessionDate ?? '';
  };
  return [...items].sort((a, b) => key(b).localeCompare(key(a)));
}
