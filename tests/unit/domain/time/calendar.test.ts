/**
 * The calendar file is read back with node-ical, a parser written independently of
 * ical-generator, so these tests check what a calendar app would see, not how it was written.
 */
import { courseOfferings } from '../../../../src/domain/offerings/offerings.ts';
import { readFileSync } from 'node:fs';
import ical from 'node-ical';
import type { CalendarResponse, ParameterValue, VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { courseCalendar, type CourseCalendarInput } from '../../../../src/domain/time/calendar.ts';
import { venueText } from '../../../../src/domain/offerings/venue.ts';
import { parseSource } from '../../../../src/collections/validation/source-file.ts';
import {
  courseSchema,
  type Course,
  type CourseInput,
} from '../../../../src/collections/schemas/course.ts';

const SEED_SLUG = 'attachment-theory-treatment-effectiveness';
const COURSE_URL = `https://courses.example.org/courses/${SEED_SLUG}/`;

function seedCourse(): Course {
  const file = `content/courses/${SEED_SLUG}.md`;
  const parsed = parseSource(readFileSync(file, 'utf8'), file, true);
  if (!parsed.ok) throw new Error(`the seed course does not parse: ${parsed.problems[0]?.message}`);
  return courseSchema.parse(parsed.source.data);
}

/** A valid course with the seed's fields, for cases the seed does not cover. */
function courseWith(overrides: Partial<CourseInput>): Course {
  const seed = seedCourse();
  return courseSchema.parse({ ...seed, ...overrides });
}

function input(course: Course, extra: Partial<CourseCalendarInput> = {}): CourseCalendarInput {
  return {
    course,
    offering: courseOfferings(course)[0]!,
    slug: SEED_SLUG,
    courseUrl: COURSE_URL,
    siteName: 'Praxis Courses',
    siteHost: 'courses.example.org',
    instructorNames: ['Leslie Becker-Phelps, PhD'],
    ...extra,
  };
}

function calendarText(calendarInput: CourseCalendarInput): string {
  const text = courseCalendar(calendarInput);
  if (text === undefined) throw new Error('expected a calendar');
  return text;
}

function events(text: string): VEvent[] {
  const parsed: CalendarResponse = ical.sync.parseICS(text);
  return Object.values(parsed)
    .filter((component): component is VEvent => component?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** node-ical gives a property with parameters as an object; these have none. */
function plain(value: ParameterValue | undefined): string | undefined {
  return typeof value === 'object' ? value.val : value;
}

/** The content lines with their folds undone (RFC 5545 section 3.1). */
function unfolded(text: string): string[] {
  return text.replaceAll('\r\n ', '').split('\r\n');
}

describe('courseCalendar for the seed course', () => {
  const text = calendarText(input(seedCourse()));

  it('has one event per session at the right instants, across the November fall-back', () => {
    const parsed = events(text);
    expect(parsed.map((event) => event.start.toISOString())).toEqual([
      '2020-10-19T20:00:00.000Z',
      '2020-10-26T20:00:00.000Z',
      '2020-11-02T21:00:00.000Z',
      '2020-11-09T21:00:00.000Z',
    ]);
    expect(parsed.map((event) => event.end?.toISOString())).toEqual([
      '2020-10-19T22:00:00.000Z',
      '2020-10-26T22:00:00.000Z',
      '2020-11-02T23:00:00.000Z',
      '2020-11-09T23:00:00.000Z',
    ]);
  });

  it('writes wall-clock times in the course zone, with a VTIMEZONE for it', () => {
    const lines = unfolded(text);
    expect(lines).toContain('DTSTART;TZID=America/New_York:20201019T160000');
    expect(lines).toContain('DTEND;TZID=America/New_York:20201019T180000');
    // The same 16:00 after the clocks fell back: the zone, not the file, applies the change.
    expect(lines).toContain('DTSTART;TZID=America/New_York:20201102T160000');
    expect(lines.filter((line) => line === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    expect(lines).toContain('TZID:America/New_York');
    // The packaged (tzurl.org) definition, since it agrees with current data for 2020.
    expect(lines).toContain('TZURL:http://tzurl.org/zoneinfo-outlook/America/New_York');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    const zone = Object.values(ical.sync.parseICS(text)).find(
      (component) => component?.type === 'VTIMEZONE',
    );
    expect(zone).toMatchObject({ tzid: 'America/New_York' });
  });

  it('gives stable UIDs and stamps, so two builds write the same file', () => {
    expect(events(text).map((event) => event.uid)).toEqual(
      [1, 2, 3, 4].map((n) => `${SEED_SLUG}-session-${n}@courses.example.org`),
    );
    expect(calendarText(input(seedCourse()))).toBe(text);
  });

  it('stamps each event in UTC with its own start, or with `now` when given', () => {
    const stamps = unfolded(text).filter((line) => line.startsWith('DTSTAMP'));
    expect(stamps).toEqual([
      'DTSTAMP:20201019T200000Z',
      'DTSTAMP:20201026T200000Z',
      'DTSTAMP:20201102T210000Z',
      'DTSTAMP:20201109T210000Z',
    ]);
    expect(events(text).map((event) => event.sequence)).toEqual([0, 0, 0, 0]);

    const pinned = calendarText(input(seedCourse(), { now: new Date('2020-09-01T12:00:00Z') }));
    expect(events(pinned).map((event) => event.dtstamp?.toISOString())).toEqual(
      Array(4).fill('2020-09-01T12:00:00.000Z'),
    );
  });

  it('describes each session: summary, agenda, instructor, link and place', () => {
    const [first, , third] = events(text);
    expect(plain(first?.summary)).toBe(
      'Improving Treatment Effectiveness with Attachment Theory — Session 1 of 4',
    );
    expect(plain(third?.summary)).toBe(
      'Improving Treatment Effectiveness with Attachment Theory — Session 3 of 4',
    );
    expect(plain(first?.description)).toBe(
      [
        'Hour 1: Attachment Theory: An overview and important concepts for therapy',
        'Hour 2: Attachment Styles',
        '',
        'Instructor: Leslie Becker-Phelps, PhD',
        '',
        COURSE_URL,
      ].join('\n'),
    );
    expect(plain(third?.description)).toMatch(
      /^Hour 1: The Therapeutic Relationship\nHour 2: Building Awareness in Treatment through STEAM \(Sensations, Thoughts, Emotions, Actions, and Mentalizing\)\n/,
    );
    // node-ical types URL as a string but returns it with its VALUE=URI parameter.
    expect(plain(first?.url)).toBe(COURSE_URL);
    expect(plain(first?.location)).toBe('Online');
  });

  it('names the calendar after the course and the producer after the site', () => {
    const lines = unfolded(text);
    expect(lines).toContain(
      'X-WR-CALNAME:Improving Treatment Effectiveness with Attachment Theory',
    );
    expect(lines).toContain('PRODID:-//Praxis Courses//Course sessions//EN');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('VERSION:2.0');
  });

  it('ends every line with CRLF and folds lines at 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')))).toBeLessThanOrEqual(
      75,
    );
    // The agenda lines are long enough that folding really happened.
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('writes the same file whatever zone the build machine is in', () => {
    const original = process.env['TZ'];
    const outputs = new Set<string>();
    const hostOffsets = new Set<number>();
    try {
      for (const zone of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Chatham']) {
        // Node reads TZ again whenever it is assigned.
        process.env['TZ'] = zone;
        hostOffsets.add(new Date(Date.UTC(2020, 9, 19, 20)).getTimezoneOffset());
        outputs.add(calendarText(input(seedCourse())));
      }
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
    expect(hostOffsets.size).toBe(4);
    expect([...outputs]).toEqual([text]);
  });
});

describe('courseCalendar for other courses', () => {
  it('returns no calendar for an on-demand course', () => {
    const onDemand = courseWith({ format: 'on-demand', sessions: [] });
    expect(courseCalendar(input(onDemand))).toBeUndefined();
  });

  it('keeps 18:00 in London on both sides of the March change to BST', () => {
    const course = courseWith({
      format: 'in-person',
      timeZone: 'Europe/London',
      venue: {
        name: 'Friends House',
        streetAddress: '173-177 Euston Road',
        locality: 'London',
        postalCode: 'NW1 2BJ',
        country: 'GB',
      },
      sessions: [
        { date: '2021-03-21', start: '18:00', end: '20:00' },
        { date: '2021-03-28', start: '18:00', end: '20:00' },
      ],
    });
    const text = calendarText(input(course));
    const lines = unfolded(text);
    expect(lines).toContain('DTSTART;TZID=Europe/London:20210321T180000');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20210328T180000');
    expect(lines).toContain('TZID:Europe/London');
    const parsed = events(text);
    // GMT (UTC+0) the week before, BST (UTC+1) from 28 March.
    expect(parsed.map((event) => event.start.toISOString())).toEqual([
      '2021-03-21T18:00:00.000Z',
      '2021-03-28T17:00:00.000Z',
    ]);
    expect(parsed.map((event) => event.end?.toISOString())).toEqual([
      '2021-03-21T20:00:00.000Z',
      '2021-03-28T19:00:00.000Z',
    ]);
    expect(plain(parsed[0]?.location)).toBe(
      'Friends House, 173-177 Euston Road, London, NW1 2BJ, GB',
    );
    expect(plain(parsed[0]?.summary)).toBe(
      'Improving Treatment Effectiveness with Attachment Theory — Session 1 of 2',
    );
  });

  it('puts the venue’s room in LOCATION, as the page shows it', () => {
    const venue = {
      name: 'Conference Center',
      room: 'Room 204, second floor',
      streetAddress: '1 Main Street',
      locality: 'Boston',
      region: 'MA',
      postalCode: '02108',
      country: 'US',
    };
    const course = courseWith({ format: 'in-person', venue });
    const [first] = events(calendarText(input(course)));
    expect(plain(first?.location)).toBe(
      'Conference Center, Room 204, second floor, 1 Main Street, Boston, MA 02108, US',
    );
    expect(plain(first?.location)?.startsWith(venueText(venue))).toBe(true);
  });

  it('uses the session title when there is one, and no "1 of 1" for a single session', () => {
    const titled = courseWith({
      sessions: [
        {
          date: '2020-10-19',
          start: '16:00',
          end: '18:00',
          title: 'Foundations',
          agenda: [{ title: 'Overview' }],
        },
        { date: '2020-10-26', start: '16:00', end: '18:00' },
      ],
    });
    const [first, second] = events(
      calendarText(input(titled, { instructorNames: ['A. Smith', 'B. Jones'] })),
    );
    expect(plain(first?.summary)).toBe(
      'Improving Treatment Effectiveness with Attachment Theory — Foundations',
    );
    expect(plain(first?.description)).toBe(
      `Session 1 of 2\nOverview\n\nInstructors: A. Smith and B. Jones\n\n${COURSE_URL}`,
    );
    expect(plain(second?.summary)).toBe(
      'Improving Treatment Effectiveness with Attachment Theory — Session 2 of 2',
    );

    const single = courseWith({ sessions: [{ date: '2020-10-19', start: '16:00', end: '18:00' }] });
    const [only] = events(calendarText(input(single, { instructorNames: [] })));
    expect(plain(only?.summary)).toBe('Improving Treatment Effectiveness with Attachment Theory');
    expect(plain(only?.description)).toBe(COURSE_URL);
  });

  it('builds the VTIMEZONE from current zone data when the packaged one is out of date', () => {
    // The packaged America/Sao_Paulo still has Brazil's summer time, abolished in 2019: it would
    // put a January 2025 session at UTC-2 instead of UTC-3.
    const course = courseWith({
      timeZone: 'America/Sao_Paulo',
      sessions: [{ date: '2025-01-10', start: '16:00', end: '18:00' }],
    });
    const text = calendarText(input(course));
    const lines = unfolded(text);
    expect(lines).toContain('DTSTART;TZID=America/Sao_Paulo:20250110T160000');
    expect(lines).not.toContain('TZURL:http://tzurl.org/zoneinfo-outlook/America/Sao_Paulo');
    expect(lines).not.toContain('BEGIN:DAYLIGHT');
    expect(lines.filter((line) => line.startsWith('TZOFFSETTO:'))).toEqual(['TZOFFSETTO:-0300']);
    expect(events(text)[0]?.start.toISOString()).toBe('2025-01-10T19:00:00.000Z');
  });

  it('builds the VTIMEZONE for a zone the package answers with another zone', () => {
    // The package returns Asia/Kolkata's definition for Asia/Calcutta (the name Intl lists);
    // the events' TZID must find a VTIMEZONE of the same name.
    const course = courseWith({
      timeZone: 'Asia/Calcutta',
      sessions: [{ date: '2025-06-10', start: '16:00', end: '18:00' }],
    });
    const text = calendarText(input(course));
    const lines = unfolded(text);
    expect(lines).toContain('TZID:Asia/Calcutta');
    expect(lines).not.toContain('TZID:Asia/Kolkata');
    expect(lines.filter((line) => line.startsWith('TZOFFSETTO:'))).toEqual(['TZOFFSETTO:+0530']);
    expect(events(text)[0]?.start.toISOString()).toBe('2025-06-10T10:30:00.000Z');
  });

  it('writes one observance per change when the sessions span changes Temporal knows of', () => {
    // Europe/Kyiv is newer than the package's data; the sessions straddle the 2025 spring change.
    const course = courseWith({
      timeZone: 'Europe/Kyiv',
      sessions: [
        { date: '2025-03-20', start: '16:00', end: '18:00' },
        { date: '2025-04-03', start: '16:00', end: '18:00' },
      ],
    });
    const text = calendarText(input(course));
    const zone = text.slice(text.indexOf('BEGIN:VTIMEZONE'), text.indexOf('END:VTIMEZONE'));
    expect(zone.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Kyiv',
      'BEGIN:STANDARD',
      'DTSTART:20241027T040000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0200',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0300',
      'END:DAYLIGHT',
      '',
    ]);
    expect(events(text).map((event) => event.start.toISOString())).toEqual([
      '2025-03-20T14:00:00.000Z',
      '2025-04-03T13:00:00.000Z',
    ]);
  });

  it('writes UTC times for a course in UTC', () => {
    const course = courseWith({
      timeZone: 'UTC',
      sessions: [{ date: '2025-06-10', start: '16:00', end: '18:00' }],
    });
    const text = calendarText(input(course));
    expect(unfolded(text)).toContain('DTSTART:20250610T160000Z');
    expect(events(text)[0]?.start.toISOString()).toBe('2025-06-10T16:00:00.000Z');
  });

  it('refuses a session time the clocks skip', () => {
    const course = courseWith({
      timeZone: 'Europe/London',
      sessions: [{ date: '2021-03-28', start: '01:30', end: '03:00' }],
    });
    expect(() => courseCalendar(input(course))).toThrow(/nonexistent in Europe\/London/);
  });
});
