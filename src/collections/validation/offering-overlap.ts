/**
 * Offerings of one course that run at the same time. The same instructors teach every
 * offering, so two offerings whose sessions overlap are almost always one offering written
 * twice (often in two time zones), and publishing both would sell the same seat twice or show
 * a time that is not the real one. Sessions are compared as instants, whatever zone each
 * offering is written in; a cancelled offering is left out, since its replacement may well keep
 * its time.
 */
import type { Offering } from '../../domain/offerings/offerings.ts';
import { zonedInstant } from '../../domain/time/zoned-time.ts';
import type { RuleProblem } from './course-rules.ts';

interface TimedSession {
  index: number;
  start: number;
  end: number;
  /** "2027-03-01 16:00–18:00 America/New_York". */
  text: string;
}

/** The sessions of an offering as instants; those with times that do not exist have their own error. */
function timedSessions(offering: Offering): TimedSession[] {
  const zone = offering.timeZone;
  if (zone === undefined || offering.format === 'on-demand' || offering.status === 'cancelled')
    return [];
  return offering.sessions.flatMap((session, index) => {
    const start = zonedInstant(session.date, session.start, zone);
    const end = zonedInstant(session.date, session.end, zone);
    if (!start.ok || !end.ok || session.end <= session.start) return [];
    return [
      {
        index,
        start: start.instant.epochMilliseconds,
        end: end.instant.epochMilliseconds,
        text: `${session.date} ${session.start}–${session.end} ${zone}`,
      },
    ];
  });
}

export interface OfferingOverlap {
  /** Positions in the list of offerings, the earlier first. */
  first: number;
  second: number;
  problem: RuleProblem;
}

/** One problem for each pair of listed offerings with sessions at the same time, at the later one's session. */
export function offeringOverlaps(offerings: readonly Offering[]): OfferingOverlap[] {
  const timed = offerings.map((offering) =>
    offering.path.length === 0 ? [] : timedSessions(offering),
  );
  const overlaps: OfferingOverlap[] = [];
  offerings.forEach((second, secondIndex) => {
    for (let firstIndex = 0; firstIndex < secondIndex; firstIndex += 1) {
      const first = offerings[firstIndex]!;
      let clash: [TimedSession, TimedSession] | undefined;
      for (const later of timed[secondIndex]!) {
        const earlier = timed[firstIndex]!.find(
          (other) => other.start < later.end && later.start < other.end,
        );
        if (earlier) {
          clash = [earlier, later];
          break;
        }
      }
      if (!clash) continue;
      const [earlier, later] = clash;
      const name = (offering: Offering, index: number) => `${index + 1} ("${offering.id}")`;
      overlaps.push({
        first: firstIndex,
        second: secondIndex,
        problem: {
          path: [...second.path, 'sessions', later.index, 'date'],
          field: '',
          message: `Offerings ${name(first, firstIndex)} and ${name(second, secondIndex)} overlap in time: session ${later.index + 1} of offering ${secondIndex + 1} runs during session ${earlier.index + 1} of offering ${firstIndex + 1}.`,
          expected: 'offerings at different times',
          found: `${earlier.text} and ${later.text}`,
          fix: 'Correct the dates or times of one of them, or remove the one that repeats the other; a course given online and in person at the same time is one hybrid offering.',
        },
      });
    }
  });
  return overlaps;
}
