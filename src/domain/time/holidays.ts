/**
 * The days a policy's business-day counting skips besides weekends: public holidays from the
 * date-holidays library (its own data, no network) for a country and region, plus the dates a
 * policy lists. Only type 'public' counts: banks, schools and observances stay open days.
 */
import type HolidayRules from 'date-holidays';
import type { HolidayCalendar } from '../../collections/schemas/policy.ts';

// date-holidays takes about 0.1 s to load (every country's rules, and the astronomy of lunar
// calendars), a tenth of `npm run check` at 1,000 courses, and most sites name no country: so
// it is loaded only by a caller that meets one, before the synchronous counting below.
let Holidays: typeof HolidayRules | undefined;

/** Loads the holiday rules; await it before counting against, or checking, a calendar's country. */
export async function loadHolidayRules(): Promise<void> {
  Holidays ??= (await import('date-holidays')).default;
}

function holidayRules(): typeof HolidayRules {
  if (Holidays === undefined)
    throw new Error(
      'The holiday rules are not loaded: await loadHolidayRules() before counting business days against a country.',
    );
  return Holidays;
}

// One catalog build counts thousands of deadlines against a few calendars and years, and
// date-holidays computes a year's rules afresh on every call.
const cache = new Map<string, ReadonlySet<string>>();

/** Closed days (YYYY-MM-DD) of `year` under `calendar`, observed dates as the library gives them. */
export function holidayDates(calendar: HolidayCalendar, year: number): ReadonlySet<string> {
  const key = JSON.stringify([
    calendar.country ?? '',
    calendar.region ?? '',
    calendar.dates ?? [],
    year,
  ]);
  let dates = cache.get(key);
  if (dates === undefined) {
    dates = new Set([
      ...publicHolidays(calendar.country, calendar.region, year),
      ...(calendar.dates ?? []).filter((date) => date.startsWith(`${year}-`)),
    ]);
    cache.set(key, dates);
  }
  return dates;
}

/** Whether `date` (YYYY-MM-DD) is one of the calendar's closed days. */
export function isHoliday(calendar: HolidayCalendar, date: string): boolean {
  return holidayDates(calendar, Number(date.slice(0, 4))).has(date);
}

function publicHolidays(
  country: string | undefined,
  region: string | undefined,
  year: number,
): string[] {
  if (country === undefined) return [];
  const Rules = holidayRules();
  const calendar = region === undefined ? new Rules(country) : new Rules(country, region);
  // `date` is the local date and time, "2027-07-05 00:00:00": its day is the first closed day;
  // a holiday of several days (start to end, end exclusive) closes each of them.
  return calendar
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .flatMap((holiday) => {
      const first = Temporal.PlainDate.from(holiday.date.slice(0, 10));
      const days = Math.max(
        1,
        Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000),
      );
      return Array.from({ length: days }, (_, offset) => first.add({ days: offset }).toString());
    });
}

/** Countries the library knows, by ISO 3166 code: `{ US: 'United States of America', … }`. */
export function holidayCountries(): Readonly<Record<string, string>> {
  return new (holidayRules())().getCountries('en');
}

/** Regions of a country the library knows, by code (`{ NY: 'New York', … }`); empty when none or unknown. */
export function holidayRegions(country: string): Readonly<Record<string, string>> {
  return new (holidayRules())().getStates(country, 'en') ?? {};
}
