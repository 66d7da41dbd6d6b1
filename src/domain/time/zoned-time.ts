/**
 * Wall-clock times in a named time zone, turned into exact instants without ever shifting
 * them silently: a time that falls in a spring-forward gap or a fall-back overlap is
 * reported, not moved. Temporal (built into Node 26; the admin page loads temporal-polyfill
 * in browsers without it) is the one library here that rejects both; date-fns-tz and luxon shift them.
 */

export type WallClockProblem = 'nonexistent' | 'ambiguous';

export interface ZonedInstant {
  /** Milliseconds since the Unix epoch. */
  epochMilliseconds: number;
  /** UTC offset in force at that instant, such as `-04:00`. */
  offset: string;
  /** ISO 8601 with the offset and no zone annotation, such as `2020-10-19T16:00:00-04:00` (UTC for an offset with seconds). */
  iso: string;
}

export type ZonedResult =
  { ok: true; instant: ZonedInstant } | { ok: false; problem: WallClockProblem };

/** The instant at which a wall clock in `timeZone` shows `date` (YYYY-MM-DD) at `time` (HH:MM). */
export function zonedInstant(date: string, time: string, timeZone: string): ZonedResult {
  const wallClock = Temporal.PlainDateTime.from(`${date}T${time}`);
  try {
    const zoned = wallClock.toZonedDateTime(timeZone, { disambiguation: 'reject' });
    return { ok: true, instant: toZonedInstant(zoned) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // Both cases throw; tell them apart: in a gap, the nearest real times show another wall clock.
    const earlier = wallClock.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
    return {
      ok: false,
      problem: earlier.toPlainDateTime().equals(wallClock) ? 'ambiguous' : 'nonexistent',
    };
  }
}

/** Like zonedInstant, for input already validated: throws on a time that does not exist. */
export function requireZonedInstant(date: string, time: string, timeZone: string): ZonedInstant {
  const result = zonedInstant(date, time, timeZone);
  if (!result.ok) throw new RangeError(`${date} ${time} is ${result.problem} in ${timeZone}`);
  return result.instant;
}

function toZonedInstant(zoned: Temporal.ZonedDateTime): ZonedInstant {
  return {
    epochMilliseconds: zoned.epochMilliseconds,
    offset: zoned.offset,
    // ISO 8601 and HTML's datetime offsets have whole minutes, and Temporal rounds others
    // (Africa/Monrovia was -00:44:30 until 1972); such an instant is written in UTC instead.
    iso:
      zoned.offsetNanoseconds % 60_000_000_000 === 0
        ? zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' })
        : zoned.toInstant().toString({ smallestUnit: 'second' }),
  };
}

/**
 * The calendar date `days` calendar days (or business days, skipping Saturdays, Sundays and
 * the days `isClosed` names, such as public holidays) before `date`.
 */
export function subtractDays(
  date: string,
  days: number,
  counting: 'calendar' | 'business',
  isClosed: (date: string) => boolean = () => false,
): string {
  let day = Temporal.PlainDate.from(date);
  if (counting === 'calendar') return day.subtract({ days }).toString();
  let remaining = days;
  while (remaining > 0) {
    day = day.subtract({ days: 1 });
    if (day.dayOfWeek <= 5 && !isClosed(day.toString())) remaining -= 1;
  }
  return day.toString();
}

/** The calendar date `months` months after `date`, clamped to the month's end. */
export function addMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** Today's date (YYYY-MM-DD) in `timeZone` at the instant `now`. */
export function dateInZone(now: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}
