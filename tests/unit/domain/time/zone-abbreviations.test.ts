/**
 * The table of tzdata's zone letters is generated from the package the calendar files take
 * their VTIMEZONE from; it must match what that package says today, and a page must name a
 * zone as its calendar file does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveZoneAbbreviations } from '../../../../scripts/zone-abbreviations.ts';
import { ZONE_ABBREVIATIONS } from '../../../../src/domain/time/zone-abbreviations.ts';
import { courseCalendar } from '../../../../src/domain/time/calendar.ts';
import { useZoneAbbreviations, zoneAbbreviation } from '../../../../src/domain/time/local-time.ts';
import { requireZonedInstant } from '../../../../src/domain/time/zoned-time.ts';

beforeAll(() => useZoneAbbreviations(ZONE_ABBREVIATIONS));

describe('the zone abbreviations table', () => {
  it('is what node scripts/zone-abbreviations.ts derives from the installed package', () => {
    expect(ZONE_ABBREVIATIONS).toEqual(deriveZoneAbbreviations());
  });

  it('lists each zone once', () => {
    const zones = Object.values(ZONE_ABBREVIATIONS).flatMap((list) => list.split(' '));
    expect(zones.length).toBe(new Set(zones).size);
  });

  it('gives Sydney’s sessions the names its calendar file gives them', () => {
    const sessions = [
      { date: '2021-03-29', start: '16:00', end: '18:00', agenda: [] },
      { date: '2021-04-05', start: '16:00', end: '18:00', agenda: [] },
    ];
    const calendar = courseCalendar({
      course: { title: 'A course' },
      offering: {
        id: '',
        path: [],
        format: 'live-online',
        timeZone: 'Australia/Sydney',
        sessions,
        prices: [],
        status: 'open',
      },
      slug: 'a-course',
      courseUrl: 'https://courses.example.org/courses/a-course/',
      siteName: 'Example',
      siteHost: 'courses.example.org',
      instructorNames: [],
    });
    const inCalendar = [...(calendar ?? '').matchAll(/^TZNAME:(\w+)\r$/gm)].map(
      (match) => match[1],
    );
    const onPage = sessions.map(({ date, start }) =>
      zoneAbbreviation(
        requireZonedInstant(date, start, 'Australia/Sydney').epochMilliseconds,
        'Australia/Sydney',
      ),
    );
    expect(onPage).toEqual(['AEDT', 'AEST']);
    expect(new Set(inCalendar)).toEqual(new Set(onPage));
  });
});
