import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  formatRangeInZone,
  localTimeNote,
  statusAt,
  zoneAbbreviation,
  zoneName,
  namedByOffset,
  useZoneAbbreviations,
} from '../../../../src/domain/time/local-time.ts';
import { ZONE_ABBREVIATIONS } from '../../../../src/domain/time/zone-abbreviations.ts';

const SYDNEY_SUMMER = Date.parse('2026-01-15T05:00:00Z');

describe('without the table of tzdata letters (a browser that has not fetched it)', () => {
  it("reads Intl's own name, and says which zones Intl names by their offset alone", () => {
    useZoneAbbreviations({});
    onTestFinished(() => useZoneAbbreviations(ZONE_ABBREVIATIONS));
    expect(formatRangeInZone(SYDNEY_SUMMER, SYDNEY_SUMMER + 7_200_000, 'Australia/Sydney')).toBe(
      '4–6 PM GMT+11',
    );
    expect(namedByOffset(SYDNEY_SUMMER, 'Australia/Sydney')).toBe(true);
    expect(namedByOffset(SYDNEY_SUMMER, 'America/New_York')).toBe(false);
    expect(namedByOffset(SYDNEY_SUMMER, 'UTC')).toBe(false);
  });
});

// Everything below reads with the table, as pages are built.
beforeAll(() => useZoneAbbreviations(ZONE_ABBREVIATIONS));

// The seed course meets 4–6 PM in New York: EDT for Oct 19 and 26, EST for Nov 2 and 9.
const october19 = ['2020-10-19T16:00:00-04:00', '2020-10-19T18:00:00-04:00'] as const;
const november2 = ['2020-11-02T16:00:00-05:00', '2020-11-02T18:00:00-05:00'] as const;
const course = 'America/New_York';

describe('localTimeNote', () => {
  it('says nothing to a reader whose clock reads the same', () => {
    expect(localTimeNote(...october19, course, 'America/New_York')).toBeUndefined();
    expect(localTimeNote(...october19, course, 'America/Toronto')).toBeUndefined();
    expect(localTimeNote(...november2, course, 'America/Toronto')).toBeUndefined();
  });

  it('gives Los Angeles its own time, PDT and then PST', () => {
    expect(localTimeNote(...october19, course, 'America/Los_Angeles')).toBe('1–3 PM PDT');
    expect(localTimeNote(...november2, course, 'America/Los_Angeles')).toBe('1–3 PM PST');
  });

  it('follows the reader zone when it has no DST but the course zone does', () => {
    expect(localTimeNote(...october19, course, 'America/Phoenix')).toBe('1–3 PM MST');
    expect(localTimeNote(...november2, course, 'America/Phoenix')).toBe('2–4 PM MST');
  });

  it('gives London BST and then GMT, which changes a week earlier than New York', () => {
    expect(localTimeNote(...october19, course, 'Europe/London')).toBe('9–11 PM BST');
    expect(localTimeNote(...november2, course, 'Europe/London')).toBe('9–11 PM GMT');
    // 2020-10-26: London is back on GMT, New York still on EDT, so the gap is four hours.
    expect(
      localTimeNote(
        '2020-10-26T16:00:00-04:00',
        '2020-10-26T18:00:00-04:00',
        course,
        'Europe/London',
      ),
    ).toBe('8–10 PM GMT');
  });

  it('puts the local date first when it is not the course date', () => {
    expect(localTimeNote(...october19, course, 'Asia/Tokyo')).toBe('Tue, Oct 20, 5–7 AM JST');
    expect(localTimeNote(...november2, course, 'Asia/Tokyo')).toBe('Tue, Nov 3, 6–8 AM JST');
    expect(localTimeNote(...october19, course, 'Asia/Kolkata')).toBe(
      'Tue, Oct 20, 1:30–3:30 AM IST',
    );
    // Browsers may give the zone under an older name, which tzdata keeps as a link.
    expect(localTimeNote(...october19, course, 'Asia/Calcutta')).toBe(
      'Tue, Oct 20, 1:30–3:30 AM IST',
    );
    expect(localTimeNote(...october19, course, 'Australia/Sydney')).toBe(
      'Tue, Oct 20, 7–9 AM AEDT',
    );
    // Lord Howe Island has no letters in tzdata ("+11"), so the offset stands.
    expect(localTimeNote(...october19, course, 'Australia/Lord_Howe')).toBe(
      'Tue, Oct 20, 7–9 AM GMT+11',
    );
  });

  it('puts the earlier local date first for a reader west of the course', () => {
    expect(
      localTimeNote(
        '2020-10-20T09:00:00+09:00',
        '2020-10-20T11:00:00+09:00',
        'Asia/Tokyo',
        'America/Los_Angeles',
      ),
    ).toBe('Mon, Oct 19, 5–7 PM PDT');
  });

  it('shows the date even when the clock reads the same on another day', () => {
    // Kiritimati (UTC+14) and Honolulu (UTC−10) show the same wall clock a day apart.
    expect(
      localTimeNote(
        '2020-10-19T16:00:00-10:00',
        '2020-10-19T18:00:00-10:00',
        'Pacific/Honolulu',
        'Pacific/Kiritimati',
      ),
    ).toBe('Tue, Oct 20, 4–6 PM GMT+14');
  });
});

describe('formatRangeInZone', () => {
  it('names both zones when the clocks change during the range', () => {
    expect(
      formatRangeInZone(Date.UTC(2020, 10, 1, 5, 30), Date.UTC(2020, 10, 1, 8), 'America/New_York'),
    ).toBe('1:30 AM EDT–3 AM EST');
    // Lord Howe Island: 2021-04-04 2:00 +11:00 becomes 1:30 +10:30.
    expect(
      formatRangeInZone(
        Date.UTC(2021, 3, 3, 14),
        Date.UTC(2021, 3, 3, 16, 30),
        'Australia/Lord_Howe',
      ),
    ).toBe('1 AM GMT+11–3 AM GMT+10:30');
  });

  it('names both halves of the day when the range crosses noon or midnight', () => {
    expect(
      formatRangeInZone(Date.UTC(2020, 9, 19, 15), Date.UTC(2020, 9, 19, 17), 'America/New_York'),
    ).toBe('11 AM–1 PM EDT');
    expect(
      formatRangeInZone(Date.UTC(2020, 9, 20, 3), Date.UTC(2020, 9, 20, 5), 'America/New_York'),
    ).toBe('11 PM–1 AM EDT');
  });

  it('keeps minutes on a 24-hour clock', () => {
    expect(
      formatRangeInZone(
        Date.UTC(2020, 9, 19, 20),
        Date.UTC(2020, 9, 19, 22),
        'America/New_York',
        'en-GB',
      ),
    ).toBe('16:00–18:00 EDT');
  });
});

describe('zoneAbbreviation', () => {
  it('gives the letters tzdata gives the zone, as the calendar files do', () => {
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Asia/Kolkata')).toBe('IST');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Europe/Dublin')).toBe('IST');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Europe/Paris')).toBe('CEST');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Pacific/Auckland')).toBe('NZDT');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Etc/UTC')).toBe('UTC');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'UTC')).toBe('UTC');
  });

  it('finds a zone under a newer name the table lacks, through the zone the runtime links it to', () => {
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Europe/Kyiv')).toBe('EEST');
  });

  it('keeps Intl’s offset where tzdata has no letters, and in another language', () => {
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'America/Sao_Paulo')).toBe('GMT-3');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Asia/Dubai')).toBe('GMT+4');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Australia/Sydney', 'de-DE')).toBe('GMT+11');
  });
});

describe('zoneName', () => {
  it('is undefined where tzdata has no letters for the offset', () => {
    expect(zoneName(Date.UTC(2020, 9, 19, 20), 'Australia/Lord_Howe')).toBeUndefined();
    expect(zoneName(Date.UTC(2020, 9, 19, 20), 'Australia/Sydney')).toBe('AEDT');
  });
});

describe('statusAt', () => {
  const [start, end] = october19;
  const startMs = Date.UTC(2020, 9, 19, 20);
  const endMs = Date.UTC(2020, 9, 19, 22);

  it('is upcoming until the start instant', () => {
    expect(statusAt(start, end, new Date(startMs - 1))).toBe('upcoming');
  });

  it('is in progress from the start instant to just before the end', () => {
    expect(statusAt(start, end, new Date(startMs))).toBe('in-progress');
    expect(statusAt(start, end, new Date(endMs - 1))).toBe('in-progress');
  });

  it('is past from the end instant', () => {
    expect(statusAt(start, end, new Date(endMs))).toBe('past');
    expect(statusAt(start, end, new Date('2020-10-19T22:00:00.000Z'))).toBe('past');
  });

  it('reads the offset in the ISO string, not the host zone', () => {
    expect(statusAt(...november2, new Date('2020-11-02T21:30:00Z'))).toBe('in-progress');
    expect(statusAt(...november2, new Date('2020-11-02T20:59:59.999Z'))).toBe('upcoming');
  });
});
