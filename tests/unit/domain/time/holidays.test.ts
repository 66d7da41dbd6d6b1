import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  holidayCountries,
  holidayDates,
  holidayRegions,
  isHoliday,
  loadHolidayRules,
} from '../../../../src/domain/time/holidays.ts';
import { subtractDays } from '../../../../src/domain/time/zoned-time.ts';

describe('loadHolidayRules', () => {
  it('is needed before a country is counted, and a calendar without one needs nothing', async () => {
    vi.resetModules();
    // A fresh copy of the module, as a process that has not met a country has it.
    const fresh = await import('../../../../src/domain/time/holidays.ts');
    expect([...fresh.holidayDates({ dates: ['2027-12-24'] }, 2027)]).toStrictEqual(['2027-12-24']);
    expect(() => fresh.holidayDates({ country: 'US' }, 2027)).toThrow(
      'The holiday rules are not loaded: await loadHolidayRules() before counting business days against a country.',
    );
    await fresh.loadHolidayRules();
    expect(fresh.holidayDates({ country: 'US' }, 2027).has('2027-07-05')).toBe(true);
  });
});

// The rules load on demand (holidays.ts); these tests count against countries.
beforeAll(loadHolidayRules);

describe('holidayDates', () => {
  it('gives the US public holidays of 2027 as observed, and no observances', () => {
    expect([...holidayDates({ country: 'US' }, 2027)].sort()).toStrictEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-06-19',
      '2027-07-04',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24',
      '2027-12-25',
      // New Year's Day 2028 falls on a Saturday and is observed the Friday before.
      '2027-12-31',
    ]);
  });

  it("adds a region's own holidays: New York keeps Lincoln's Birthday", () => {
    expect(isHoliday({ country: 'US', region: 'NY' }, '2027-02-12')).toBe(true);
    expect(isHoliday({ country: 'US' }, '2027-02-12')).toBe(false);
  });

  it('adds the dates a policy lists, each in its own year', () => {
    const calendar = { dates: ['2027-12-27', '2028-01-03'] };
    expect([...holidayDates(calendar, 2027)]).toStrictEqual(['2027-12-27']);
    expect([...holidayDates(calendar, 2028)]).toStrictEqual(['2028-01-03']);
  });

  it('computes each calendar and year once', () => {
    expect(holidayDates({ country: 'US', region: 'NY' }, 2027)).toBe(
      holidayDates({ country: 'US', region: 'NY' }, 2027),
    );
  });

  it('knows countries and their regions by code', () => {
    expect(holidayCountries()['US']).toBe('United States of America');
    expect(holidayRegions('US')['NY']).toBe('New York');
    expect(holidayRegions('XX')).toStrictEqual({});
  });
});

describe('subtractDays with closed days', () => {
  const usHoliday = (date: string) => isHoliday({ country: 'US' }, date);

  it('skips Monday, July 5, 2027 (Independence Day observed) counting 10 business days back from July 12', () => {
    expect(subtractDays('2027-07-12', 10, 'business', usHoliday)).toBe('2027-06-25');
    expect(subtractDays('2027-07-12', 10, 'business')).toBe('2027-06-28');
  });

  it('crosses a year boundary into the holidays of the year before', () => {
    // Monday 2028-01-03 back 1 business day: Friday 2027-12-31 is observed New Year's Day, so Thursday.
    expect(subtractDays('2028-01-03', 1, 'business', usHoliday)).toBe('2027-12-30');
  });

  it('ignores closed days when counting calendar days', () => {
    expect(subtractDays('2027-07-12', 10, 'calendar', usHoliday)).toBe('2027-07-02');
  });
});
