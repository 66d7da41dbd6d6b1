/** The key facts' one line for session times: the zone's letters as tzdata gives them, changing with DST. */
import { describe, expect, it } from 'vitest';
import { sessionTimesSummary } from '../../../../src/domain/time/course-facts.ts';
import { sessionTimes } from '../../../../src/domain/time/schedule.ts';

const weekly = (timeZone: string, dates: string[], start = '16:00', end = '18:00') =>
  sessionTimesSummary(
    sessionTimes({ timeZone, sessions: dates.map((date) => ({ date, start, end, agenda: [] })) }),
    timeZone,
  );

describe('sessionTimesSummary', () => {
  it('names the seed course’s New York hours EDT, then EST', () => {
    expect(
      weekly('America/New_York', ['2020-10-19', '2020-10-26', '2020-11-02', '2020-11-09']),
    ).toBe('4–6 PM EDT, then EST');
  });

  it('names Sydney’s hours AEDT, then AEST, as the calendar file does, not GMT+11, then GMT+10', () => {
    // Sydney leaves daylight time on the first Sunday of April (2021-04-04).
    expect(weekly('Australia/Sydney', ['2021-03-29', '2021-04-05'])).toBe('4–6 PM AEDT, then AEST');
  });

  it('names London’s hours BST, then GMT, and Kolkata’s IST', () => {
    expect(weekly('Europe/London', ['2020-10-19', '2020-11-02'])).toBe('4–6 PM BST, then GMT');
    expect(weekly('Asia/Kolkata', ['2020-10-19', '2020-10-26'], '10:30', '12:30')).toBe(
      '10:30 AM–12:30 PM IST',
    );
  });

  it('falls back to the offset where tzdata has no letters for the zone', () => {
    // São Paulo: tzdata writes "-03"; Lord Howe Island: "+11" and "+1030".
    expect(weekly('America/Sao_Paulo', ['2021-03-01', '2021-03-08'])).toBe('4–6 PM GMT-3');
    expect(weekly('Australia/Lord_Howe', ['2021-03-29', '2021-04-05'])).toBe(
      '4–6 PM GMT+11, then GMT+10:30',
    );
  });

  it('says nothing when the hours vary from session to session', () => {
    expect(
      sessionTimesSummary(
        sessionTimes({
          timeZone: 'Australia/Sydney',
          sessions: [
            { date: '2021-03-29', start: '16:00', end: '18:00', agenda: [] },
            { date: '2021-04-05', start: '09:00', end: '11:00', agenda: [] },
          ],
        }),
        'Australia/Sydney',
      ),
    ).toBeUndefined();
  });
});
