import { describe, expect, it } from 'vitest';
import { buildNow, parseSiteNow, siteNowProblem } from '../../../../src/domain/time/clock.ts';

const shape = (value: string) =>
  `SITE_NOW must be an ISO 8601 instant with a zone, such as 2020-10-01T12:00:00Z; found ${JSON.stringify(value)}.`;

describe('SITE_NOW', () => {
  it.each([
    ['2020-10-01T12:00:00Z', '2020-10-01T12:00:00.000Z'],
    ['2020-10-01T12:00Z', '2020-10-01T12:00:00.000Z'],
    ['2020-10-01T12:00:00.250Z', '2020-10-01T12:00:00.250Z'],
    ['2020-10-01T12:00:00+02:00', '2020-10-01T10:00:00.000Z'],
    ['2020-10-01T12:00:00-05:30', '2020-10-01T17:30:00.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (value, iso) => {
    expect(buildNow({ SITE_NOW: value }).toISOString()).toBe(iso);
    expect(siteNowProblem({ SITE_NOW: value })).toBeUndefined();
  });

  it('is the real clock when unset or empty', () => {
    for (const environment of [{}, { SITE_NOW: '' }]) {
      const before = Date.now();
      const now = buildNow(environment).getTime();
      expect(now).toBeGreaterThanOrEqual(before);
      expect(now).toBeLessThanOrEqual(Date.now());
      expect(siteNowProblem(environment)).toBeUndefined();
    }
  });

  it.each([
    [
      '2026-02-30T12:00:00Z',
      'SITE_NOW names February 30, 2026, which does not exist (February 2026 has 28 days); found "2026-02-30T12:00:00Z".',
    ],
    [
      '2026-02-29T12:00:00Z',
      'SITE_NOW names February 29, 2026, which does not exist (February 2026 has 28 days); found "2026-02-29T12:00:00Z".',
    ],
    [
      '1900-02-29T12:00:00Z',
      'SITE_NOW names February 29, 1900, which does not exist (February 1900 has 28 days); found "1900-02-29T12:00:00Z".',
    ],
    [
      '2026-04-31T12:00:00+02:00',
      'SITE_NOW names April 31, 2026, which does not exist (April 2026 has 30 days); found "2026-04-31T12:00:00+02:00".',
    ],
    [
      '2026-01-00T12:00:00Z',
      'SITE_NOW names January 0, 2026, which does not exist (January 2026 has 31 days); found "2026-01-00T12:00:00Z".',
    ],
    [
      '2026-13-01T12:00:00Z',
      'SITE_NOW names month 13, which does not exist (months run 01 to 12); found "2026-13-01T12:00:00Z".',
    ],
    [
      '2026-01-01T25:00:00Z',
      'SITE_NOW names the time 25:00:00, which does not exist (a day runs from 00:00 to 23:59:59); found "2026-01-01T25:00:00Z".',
    ],
    [
      '2026-01-01T12:60Z',
      'SITE_NOW names the time 12:60, which does not exist (a day runs from 00:00 to 23:59:59); found "2026-01-01T12:60Z".',
    ],
    [
      '2026-01-01T23:59:60Z',
      'SITE_NOW names the time 23:59:60, which does not exist (a day runs from 00:00 to 23:59:59); found "2026-01-01T23:59:60Z".',
    ],
    ['garbage', shape('garbage')],
    ['2020-10-01', shape('2020-10-01')],
    ['2020-10-01T12:00:00', shape('2020-10-01T12:00:00')],
    ['2020-10-01T12:00:00+25:00', shape('2020-10-01T12:00:00+25:00')],
    ['1601510400000', shape('1601510400000')],
  ])('refuses %s', (value, message) => {
    expect(parseSiteNow(value)).toEqual({ ok: false, message });
    expect(siteNowProblem({ SITE_NOW: value })).toBe(message);
    expect(() => buildNow({ SITE_NOW: value })).toThrow(new Error(message));
  });
});
