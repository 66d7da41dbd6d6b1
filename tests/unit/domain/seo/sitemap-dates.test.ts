import { describe, expect, it } from 'vitest';
import {
  courseLastmod,
  latestDateBy,
  type LastmodSource,
} from '../../../../src/domain/seo/sitemap-dates.ts';

const session = (date: string) => ({ date, start: '10:00', end: '12:00' });

describe('latestDateBy', () => {
  it('takes the latest date on or before the day, and none when all lie ahead', () => {
    expect(latestDateBy(['2026-01-02', undefined, '2026-03-01', '2026-02-01'], '2026-02-15')).toBe(
      '2026-02-01',
    );
    expect(latestDateBy(['2026-02-15'], '2026-02-15')).toBe('2026-02-15');
    expect(latestDateBy(['2026-02-16', undefined], '2026-02-15')).toBeUndefined();
  });
});

describe('courseLastmod', () => {
  const live = {
    format: 'live-online',
    timeZone: 'America/New_York',
    publishDate: '2026-01-10',
    sessions: [session('2026-02-01'), session('2026-03-01')],
  } as unknown as LastmodSource;

  it('is the day of the last session held by the build day', () => {
    expect(courseLastmod(live, '2026-02-20')).toBe('2026-02-01');
    expect(courseLastmod(live, '2027-01-01')).toBe('2026-03-01');
  });

  it('is the publish date while every session lies ahead', () => {
    expect(courseLastmod(live, '2026-01-20')).toBe('2026-01-10');
  });

  it('reads every offering, on-demand access opening and closing, and the release date', () => {
    const course = {
      completion: { releaseDate: '2025-12-01' },
      offerings: [
        { format: 'on-demand', availableFrom: '2026-01-05', availableUntil: '2026-06-30' },
        { format: 'in-person', timeZone: 'Europe/Paris', sessions: [session('2026-04-02')] },
      ],
    } as unknown as LastmodSource;
    expect(courseLastmod(course, '2026-05-01')).toBe('2026-04-02');
    expect(courseLastmod(course, '2026-07-01')).toBe('2026-06-30');
    expect(courseLastmod(course, '2026-01-01')).toBe('2025-12-01');
    expect(courseLastmod({ ...course, completion: {} }, '2026-01-01')).toBeUndefined();
  });
});
