/**
 * Session times on the reader's own clock. This file is bundled into a small client script,
 * so it uses only Intl and Date. The build formats the course-zone times with the same helper
 * (formatRangeInZone), so both always read alike. tzdata's zone abbreviations (AEDT, IST) come
 * from a table that is given to this module (useZoneAbbreviations): the build always gives it
 * (schedule.ts), the browser fetches it only for a zone Intl names by its offset alone, so a
 * course page stays within its JavaScript budget for most readers.
 */

export type LiveStatus = 'upcoming' | 'in-progress' | 'past';

interface ClockReading {
  /** "4" or "4:30" on a 12-hour clock; "16:00" on a 24-hour one. */
  time: string;
  /** "AM"/"PM", or "" where the locale uses a 24-hour clock. */
  period: string;
  /** The zone's abbreviation: "EDT", "AEDT", or "GMT+5:30" where tzdata has no letters for it (see zoneName). */
  zone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A shared Intl.DateTimeFormat: making one costs far more than formatting with it, and a build formats thousands of times. */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function readClock(epochMilliseconds: number, timeZone: string, locale: string): ClockReading {
  const parts = dateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).formatToParts(epochMilliseconds);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const hour = part('hour');
  const minute = part('minute');
  const period = part('dayPeriod');
  // "4 PM" reads better than "4:00 PM"; a bare "16" would not read as a time, so 24-hour keeps ":00".
  return {
    time: minute === '00' && period !== '' ? hour : `${hour}:${minute}`,
    period,
    zone: zoneName(epochMilliseconds, timeZone, locale) ?? part('timeZoneName'),
  };
}

let zoneTable: Readonly<Record<string, string>> = {};
let namesByZone: Map<string, Map<number, string>> | undefined;

/** Gives this module tzdata's abbreviations (src/domain/time/zone-abbreviations.ts). */
export function useZoneAbbreviations(table: Readonly<Record<string, string>>): void {
  zoneTable = table;
  namesByZone = undefined;
}

/** Whether Intl names `timeZone` at that instant by its offset alone ("GMT+11"), where the table may know letters. */
export function namedByOffset(epochMilliseconds: number, timeZone: string): boolean {
  const name = dateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(epochMilliseconds)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name === undefined || /^GMT[+-]/.test(name);
}

/** Offset (minutes east of UTC) to letters, for each zone the table names. */
function tzdataNames(): Map<string, Map<number, string>> {
  if (namesByZone) return namesByZone;
  namesByZone = new Map();
  for (const [names, zones] of Object.entries(zoneTable)) {
    const byOffset = new Map(
      names.split(' ').map((entry) => {
        const [offset, name] = entry.split(':');
        return [Number(offset), name ?? ''] as const;
      }),
    );
    for (const zone of zones.split(' ')) namesByZone.set(zone, byOffset);
  }
  return namesByZone;
}

/** The zone's UTC offset at that instant, in minutes east of UTC, read from Intl ("GMT+05:30"). */
function offsetAt(epochMilliseconds: number, timeZone: string): number | undefined {
  let text: string | undefined;
  try {
    text = dateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(epochMilliseconds)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    // A browser without longOffset names: Intl's own short name stands.
    return undefined;
  }
  const match = text === undefined ? null : /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The letters readers of the zone use for its offset at that instant, as tzdata gives them and
 * the calendar files carry them (AEDT, IST, BST); undefined where tzdata has none (it writes
 * "+03" there), so Intl's "GMT+3" stands. English only: the letters are English words.
 */
export function zoneName(
  epochMilliseconds: number,
  timeZone: string,
  locale = 'en-US',
): string | undefined {
  if (!/^en\b/i.test(locale)) return undefined;
  const names = tzdataNames();
  // A link the table lacks (Europe/Kyiv) is looked up by the name the runtime gives its zone.
  const byOffset =
    names.get(timeZone) ??
    names.get(dateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone);
  const offset = byOffset && offsetAt(epochMilliseconds, timeZone);
  return offset === undefined ? undefined : byOffset?.get(offset);
}

function withPeriod(reading: ClockReading): string {
  return reading.period === '' ? reading.time : `${reading.time} ${reading.period}`;
}

/** The zone's abbreviation at that instant: tzdata's letters ("AEDT"), else Intl's short name ("GMT+5:30"). */
export function zoneAbbreviation(
  epochMilliseconds: number,
  timeZone: string,
  locale = 'en-US',
): string {
  return readClock(epochMilliseconds, timeZone, locale).zone;
}

/**
 * A time range as the clock in `timeZone` shows it: "4–6 PM EDT", "11 AM–1 PM EDT", and,
 * when a DST change falls inside it, "1:30 AM EDT–3 AM EST". Built by hand rather than with
 * Intl's formatRange, whose spacing ("4:00 – 6:00 PM") and thin spaces vary by ICU version.
 */
export function formatRangeInZone(
  startMs: number,
  endMs: number,
  timeZone: string,
  locale = 'en-US',
): string {
  const start = readClock(startMs, timeZone, locale);
  const end = readClock(endMs, timeZone, locale);
  if (start.zone !== end.zone)
    return `${withPeriod(start)} ${start.zone}–${withPeriod(end)} ${end.zone}`;
  const from = start.period === end.period ? start.time : withPeriod(start);
  return `${from}–${withPeriod(end)} ${end.zone}`;
}

function calendarDate(epochMilliseconds: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone,
  }).format(epochMilliseconds);
}

/**
 * The session as the reader's clock shows it, or undefined when that is what the page already
 * says (same wall-clock times, same zone name, same day). The reader's date comes first when it
 * is not the course's: "Tue, Oct 20, 5–7 AM GMT+9".
 */
export function localTimeNote(
  startIso: string,
  endIso: string,
  courseZone: string,
  readerZone: string,
  locale = 'en-US',
): string | undefined {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  const range = formatRangeInZone(start, end, readerZone, locale);
  const sameDay =
    calendarDate(start, readerZone, locale) === calendarDate(start, courseZone, locale);
  if (sameDay && range === formatRangeInZone(start, end, courseZone, locale)) return undefined;
  if (sameDay) return range;
  const day = dateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: readerZone,
  }).format(start);
  return `${day}, ${range}`;
}

/** Where `now` stands against one session: the start instant counts as started, the end instant as over. */
export function statusAt(startIso: string, endIso: string, now: Date): LiveStatus {
  const time = now.getTime();
  if (time < Date.parse(startIso)) return 'upcoming';
  return time < Date.parse(endIso) ? 'in-progress' : 'past';
}
