/**
 * The build's idea of "now". Course status and drafts scheduled by publishDate depend on it,
 * so tests and previews pin it with SITE_NOW (an ISO 8601 instant, such as
 * 2020-10-01T12:00:00Z); otherwise it is the real clock.
 */
export function buildNow(environment: Record<string, string | undefined> = process.env): Date {
  const pinned = environment['SITE_NOW'];
  if (pinned === undefined || pinned === '') return new Date();
  const date = new Date(pinned);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(pinned) ||
    Number.isNaN(date.getTime())
  ) {
    throw new Error(
      `SITE_NOW must be an ISO 8601 instant with a zone, such as 2020-10-01T12:00:00Z; found "${pinned}".`,
    );
  }
  return date;
}
