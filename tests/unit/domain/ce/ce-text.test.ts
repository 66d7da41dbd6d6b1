import { describe, expect, it } from 'vitest';
import {
  commercialSupportText,
  completionSteps,
  creditAmountText,
  creditSummary,
  creditText,
  creditWithCategories,
  disclosureLines,
} from '../../../../src/domain/ce/ce-text.ts';
import { disclosuresSchema } from '../../../../src/collections/schemas/course.ts';

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

describe('credit in each body’s unit', () => {
  it('names the unit, singular or plural', () => {
    expect(creditAmountText(8, 'hours')).toBe('8 CE hours');
    expect(creditAmountText(1, 'contact hours')).toBe('1 contact hour');
    expect(creditAmountText(0.8, 'CEUs')).toBe('0.8 CEUs');
    expect(creditAmountText(6, 'AMA PRA Category 1 Credits')).toBe('6 AMA PRA Category 1 Credits™');
  });

  it('lists the categories boards count apart', () => {
    const credit = {
      amount: 6,
      unit: 'hours' as const,
      parts: [
        { amount: 3, category: 'ethics' as const, delivery: 'live-interactive-webinar' as const },
        { amount: 3, category: 'professional-boundaries' as const },
      ],
    };
    expect(creditText(credit)).toBe(
      '6 CE hours (3 CE hours of ethics, live interactive webinar; 3 CE hours of professional boundaries)',
    );
  });
});

describe('categories that matter to a licence', () => {
  const breakdown = [
    { hours: 6, category: 'general' as const, delivery: 'live' as const },
    { hours: 2, category: 'ethics' as const, delivery: 'live' as const },
  ];

  it('come from the course’s hours breakdown for credit in its CE hours', () => {
    expect(
      creditText(creditWithCategories({ amount: 8, unit: 'hours', parts: [] }, breakdown)),
    ).toBe('8 CE hours (6 CE hours of general, live; 2 CE hours of ethics, live)');
  });

  it('are the body’s own where it gives them, and never guessed for another unit', () => {
    const own = {
      amount: 8,
      unit: 'hours' as const,
      parts: [{ amount: 8, category: 'ethics' as const }],
    };
    expect(creditWithCategories(own, breakdown)).toBe(own);
    const ceus = { amount: 0.8, unit: 'CEUs' as const, parts: [] };
    expect(creditWithCategories(ceus, breakdown)).toBe(ceus);
    expect(creditWithCategories({ amount: 8, unit: 'hours', parts: [] }, undefined)).toEqual({
      amount: 8,
      unit: 'hours',
      parts: [],
    });
    expect(creditWithCategories({ amount: 6, unit: 'hours', parts: [] }, breakdown)).toEqual({
      amount: 6,
      unit: 'hours',
      parts: [],
    });
  });
});

describe('disclosures', () => {
  const disclosures = disclosuresSchema.parse({
    people: [
      { instructor: 'sam-fixture', relationships: 'none' },
      {
        name: 'Jordan Lee',
        role: 'planner',
        relationships: [{ company: 'Example Pharma, Inc.', nature: 'Consultant', mitigated: true }],
      },
    ],
    commercialSupport: 'none',
  });

  it('say one line per person, never one line for all', () => {
    expect(disclosureLines(disclosures, () => 'Sam Fixture')).toEqual([
      {
        person: 'Sam Fixture',
        role: 'instructor',
        text: 'has no relevant financial relationships with ineligible companies.',
      },
      {
        person: 'Jordan Lee',
        role: 'planner',
        text: 'has these relevant financial relationships, all mitigated: Consultant, Example Pharma, Inc.',
      },
    ]);
  });

  it('state the commercial support, or nothing when the content is silent', () => {
    expect(commercialSupportText(disclosures)).toBe('This course received no commercial support.');
    expect(
      commercialSupportText({
        ...disclosures,
        commercialSupport: [{ company: 'Example Foundation', kind: 'Educational grant' }],
      }),
    ).toBe('This course received commercial support from Example Foundation (Educational grant).');
    expect(commercialSupportText(undefined)).toBeUndefined();
  });
});

describe('How do I get my CE?', () => {
  it('is built only from the facts given', () => {
    expect(completionSteps(undefined, 'live-online', longDate)).toEqual([]);
    expect(
      completionSteps(
        { fullAttendance: true, evaluation: true, certificate: 'Emailed within two weeks.' },
        'live-online',
        longDate,
      ),
    ).toEqual([
      'Attend every session in full; partial credit is not given.',
      'Complete the course evaluation.',
      'Certificate: Emailed within two weeks.',
    ]);
    expect(
      completionSteps(
        {
          test: { passingScore: 80, attempts: 2 },
          releaseDate: '2027-01-15',
          creditEndsOn: '2030-01-14',
        },
        'on-demand',
        longDate,
      ),
    ).toEqual([
      'Pass the post-test with a score of at least 80% (2 attempts).',
      'Released on January 15, 2027.',
      'Credit is given until January 14, 2030; after that date, no credit.',
    ]);
  });
});

describe('creditSummary for the key facts', () => {
  const hours = (amount: number) => ({ amount, unit: 'hours' as const, parts: [] });
  it('says the course hours once when every body gives them', () => {
    expect(
      creditSummary(8, [
        { credit: hours(8), professions: ['Psychologists'] },
        { credit: hours(8), professions: ['Counselors'] },
      ]),
    ).toBe('8 CE hours');
    expect(creditSummary(8, [])).toBe('8 CE hours');
  });

  it('names each body’s credit where they differ, never one figure physicians cannot claim', () => {
    expect(
      creditSummary(6.25, [
        {
          credit: { amount: 6, unit: 'AMA PRA Category 1 Credits', parts: [] },
          professions: ['Physicians'],
        },
        { credit: { amount: 6.25, unit: 'contact hours', parts: [] }, professions: ['Nurses'] },
        { credit: hours(6.25), professions: ['Psychologists'] },
      ]),
    ).toBe('6 AMA PRA Category 1 Credits™ · 6.25 nursing contact hours · 6.25 CE hours');
  });
});
