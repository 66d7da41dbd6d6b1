/**
 * The build's idea of "now". Course status and drafts scheduled by publishDate depend on it,
 * so tests and previews pin it with SITE_NOW (an ISO 8601 instant, such as
 * 2020-10-01T12:00:00Z); otherwise it is the real clock.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [4, 6, 9, 11].includes(month) ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The date and time fields as written (extended or basic ISO 8601), to name the impossible one. */
const FIELDS = /^([+-]\d{6}|\d{4})-?(\d{2})-?(\d{2})[T ](\d{2})(?::?(\d{2})(?::?(\d{2}))?)?/i;

/**
 * A sentence naming the field of `value` that no calendar or clock has (February 30, month 13,
 * hour 25), or undefined. Temporal refuses these too, but only with its own parser's wording;
 * and it reads second 60 (a leap second) as 59, which `Date` refused before.
 */
function impossibleField(value: string): string | undefined {
  const match = FIELDS.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((field) => (field === undefined ? 0 : Number(field))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const found = `found ${JSON.stringify(value)}.`;
  if (month < 1 || month > 12)
    return `SITE_NOW names month ${match[2]}, which does not exist (months run 01 to 12); ${found}`;
  const monthName = MONTHS[month - 1] ?? '';
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    return `SITE_NOW names ${monthName} ${day}, ${year}, which does not exist (${monthName} ${year} has ${days} days); ${found}`;
  if (hour > 23 || minute > 59 || second > 59) {
    const time = [match[4], match[5] ?? '00', match[6]].filter(Boolean).join(':');
    return `SITE_NOW names the time ${time}, which does not exist (a day runs from 00:00 to 23:59:59); ${found}`;
  }
  return undefined;
}

export type SiteNow = { ok: true; date: Date } | { ok: false; message: string };

/**
 * Reads a SITE_NOW value. Temporal.Instant.from takes any ISO 8601 instant with a zone (`Z` or
 * an offset) and refuses dates that do not exist, where `new Date()` moved February 30 to
 * March 2.
 */
export function parseSiteNow(value: string): SiteNow {
  const impossible = impossibleField(value);
  if (impossible) return { ok: false, message: impossible };
  try {
    return { ok: true, date: new Date(Temporal.Instant.from(value).epochMilliseconds) };
  } catch {
    return {
      ok: false,
      message: `SITE_NOW must be an ISO 8601 instant with a zone, such as 2020-10-01T12:00:00Z; found ${JSON.stringify(value)}.`,
    };
  }
}

/**
 * The problem with SITE_NOW in `environment`, in one sentence; undefined when it is unset or
 * valid. The build's own environment is read by src/process/environment.ts.
 */
export function siteNowProblem(
  environment: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const pinned = environment['SITE_NOW'];
  if (pinned === undefined || pinned === '') return undefined;
  const parsed = parseSiteNow(pinned);
  return parsed.ok ? undefined : parsed.message;
}

/** The instant SITE_NOW in `environment` names, or the real clock when it is unset. */
export function buildNow(environment: Readonly<Record<string, string | undefined>>): Date {
  const pinned = environment['SITE_NOW'];
  if (pinned === undefined || pinned === '') return new Date();
  const parsed = parseSiteNow(pinned);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date;
}
