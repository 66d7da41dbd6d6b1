import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateInZone,
  subtractDays,
  zonedInstant,
} from '../../../../src/domain/time/zoned-time.ts';

describe('zonedInstant', () => {
  it('gives the seed sessions EDT before and EST after the 2020 fall-back', () => {
    const october = zonedInstant('2020-10-19', '16:00', 'America/New_York');
    const november = zonedInstant('2020-11-02', '16:00', 'America/New_York');
    expect(october).toEqual({
      ok: true,
      instant: {
        epochMilliseconds: Date.UTC(2020, 9, 19, 20),
        offset: '-04:00',
        iso: '2020-10-19T16:00:00-04:00',
      },
    });
    expect(november).toEqual({
      ok: true,
      instant: {
        epochMilliseconds: Date.UTC(2020, 10, 2, 21),
        offset: '-05:00',
        iso: '2020-11-02T16:00:00-05:00',
      },
    });
  });

  it('rejects a time in the spring-forward gap instead of shifting it', () => {
    expect(zonedInstant('2021-03-14', '02:30', 'America/New_York')).toEqual({
      ok: false,
      problem: 'nonexistent',
    });
    expect(zonedInstant('2021-03-28', '01:30', 'Europe/London')).toEqual({
      ok: false,
      problem: 'nonexistent',
    });
  });

  it('rejects a time that happens twice when the clocks fall back', () => {
    expect(zonedInstant('2020-11-01', '01:30', 'America/New_York')).toEqual({
      ok: false,
      problem: 'ambiguous',
    });
    // Lord Howe Island falls back by half an hour.
    expect(zonedInstant('2021-04-04', '01:45', 'Australia/Lord_Howe')).toEqual({
      ok: false,
      problem: 'ambiguous',
    });
  });

  it('handles zones with half-hour offsets and no DST', () => {
    const result = zonedInstant('2020-10-19', '16:00', 'Asia/Kolkata');
    expect(result.ok && result.instant.iso).toBe('2020-10-19T16:00:00+05:30');
  });

  it('writes an instant in UTC when the offset has seconds, which ISO 8601 and HTML cannot carry', () => {
    // Liberia kept -00:44:30 until 1972; a rounded "-00:45" would name another instant.
    const result = zonedInstant('1970-06-15', '00:00', 'Africa/Monrovia');
    expect(result.ok && result.instant).toEqual({
      epochMilliseconds: Date.UTC(1970, 5, 15, 0, 44, 30),
      offset: '-00:44:30',
      iso: '1970-06-15T00:44:30Z',
    });
  });
});

describe('calendar arithmetic', () => {
  it('counts calendar days back across a month boundary', () => {
    expect(subtractDays('2020-10-19', 14, 'calendar')).toBe('2020-10-05');
  });
  it('counts business days back over a weekend', () => {
    // Monday 2020-10-19 minus 3 business days is Wednesday 2020-10-14.
    expect(subtractDays('2020-10-19', 3, 'business')).toBe('2020-10-14');
  });
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2020-10-05', 12)).toBe('2021-10-05');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
  });
  it("gives today's date in a zone, not in UTC", () => {
    const instant = new Date('2020-10-20T02:00:00Z');
    expect(dateInZone(instant, 'America/New_York')).toBe('2020-10-19');
    expect(dateInZone(instant, 'Asia/Kolkata')).toBe('2020-10-20');
  });
});
