/**
 * An on-demand course on sale with no end date advertises its approvals for as long as it is
 * online: the check refuses one that has lapsed at the build's clock and warns, with the date,
 * about one that lapses within 60 days (tests/fixtures/broken/lapsed-approval, APA until
 * 2024-12-31 in New York).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/collections/validation/load-content.ts';
import { contentWithOverlay } from '../../../helpers/fixtures.ts';

const at = async (now: string) =>
  loadContent(await contentWithOverlay('broken/lapsed-approval'), {
    environment: { SITE_NOW: now },
  });

describe('approvals of an open-ended on-demand course against the build clock', () => {
  it('says nothing while the end is more than 60 days away', async () => {
    const result = await at('2024-11-01T04:59:59Z');
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('warns, with the date, from 60 days before the end', async () => {
    const result = await at('2024-11-02T12:00:00Z');
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((warning) => [warning.field, warning.message])).toEqual(
      [
        [
          'approvals[0].board',
          'The APA approval of Praxis CET ends on 2024-12-31, within 60 days, and this on-demand course is on sale with no end date; from the day after, its page stops offering this credit.',
        ],
      ],
    );
  });

  it('still takes the course on the last day, and refuses it from midnight after, New York time', async () => {
    expect((await at('2025-01-01T04:59:59Z')).ok).toBe(true);
    const lapsed = await at('2025-01-01T05:00:00Z');
    expect(lapsed.ok).toBe(false);
    expect(!lapsed.ok && lapsed.problems.map((problem) => problem.message)).toEqual([
      'The APA approval of Praxis CET ended on 2024-12-31, and this on-demand course is on sale with no end date, so its page would advertise a lapsed approval.',
    ]);
  });
});
