/** Short facts for the key-facts panel, derived from the schedule. */
import { formatTimeRange, zoneAbbreviation, type SessionTime } from './schedule.ts';

/**
 * One line for the session time when every session keeps the same wall-clock hours:
 * "4–6 PM EDT", or across a DST change "4–6 PM EDT, then EST". Undefined when the hours
 * vary from session to session (the schedule then tells each one).
 */
export function sessionTimesSummary(
  sessions: readonly SessionTime[],
  timeZone: string,
): string | undefined {
  const first = sessions[0];
  if (!first) return undefined;
  const sameHours = sessions.every(
    ({ session }) => session.start === first.session.start && session.end === first.session.end,
  );
  if (!sameHours) return undefined;
  const zones: string[] = [];
  for (const { start, end } of sessions) {
    for (const instant of [start, end]) {
      const zone = zoneAbbreviation(instant.epochMilliseconds, timeZone);
      if (zones.at(-1) !== zone) zones.push(zone);
    }
  }
  const firstRange = formatTimeRange(first.start, first.end, timeZone);
  if (zones.length === 1) return firstRange;
  const firstZone = zones[0] ?? '';
  const hours = firstRange.endsWith(` ${firstZone}`)
    ? firstRange.slice(0, -firstZone.length - 1)
    : firstRange;
  return `${hours} ${firstZone}, then ${zones.slice(1).join(', then ')}`;
}
