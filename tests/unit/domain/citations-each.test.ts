/**
 * formatEach formats plain readings itself (apa-plain.ts) and the others with a variant of the
 * APA style (no in-text disambiguation), handing citeproc the CSL items without citation-js's
 * parsing, all in one call.
 * Each of its entries and sort keys must still be, byte for byte, what citation-js's own APA
 * engine gives the reading formatted alone. The readings are generated over every type and
 * every field of the schema, with same-author-same-year pairs, namesakes, particles,
 * corporate names, long author lists (the bibliography's et al. starts at 21) and markup.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPlain } from '../../../src/domain/apa-plain.ts';
import { eachStyleXml, formatEach, formatReferences } from '../../../src/domain/citations.ts';
import { citeprocAlone } from '../../helpers/citeproc-alone.ts';
import {
  READING_TYPES,
  readingSchema,
  type Reading,
} from '../../../src/collections/schemas/reading.ts';

const some = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

// Short free text from characters citeproc treats specially (quotes, markup, dashes, accents).
const freeText = fc
  .string({
    unit: fc.constantFrom(...'aZ 9.,:;!?\'"&<>()-–/éß'.split(''), 'Ab', ' of ', '<i>', '</i>'),
    minLength: 1,
    maxLength: 12,
  })
  .filter((text) => text.trim().length > 0);

const person = fc.record({
  family: fc.oneof(
    fc.constantFrom(
      'Smith',
      'smith',
      'Sánchez',
      "O'Neil",
      'van Gogh',
      'de la Cruz',
      'Müller-Lüdenscheidt',
      'World Health Organization',
      'Lee',
    ),
    freeText,
  ),
  given: some(fc.constantFrom('J.', 'K.', 'J. R.', 'Ann', 'Jean-Paul', 'J.-P.', 'Mary Ann', 'É.')),
});

const readingArbitrary: fc.Arbitrary<Reading> = fc
  .record({
    type: fc.constantFrom(...READING_TYPES),
    authors: fc.array(person, { maxLength: 24 }),
    editors: fc.array(person, { maxLength: 4 }),
    year: fc.constantFrom(1999, 2019, 2020),
    title: fc.oneof(
      fc.constantFrom(
        'A study',
        'The <i>Homo sapiens</i> brain: Notes',
        'Trauma & recovery',
        '"Quoted" and \'single\' words',
        'Études',
      ),
      freeText,
    ),
    containerTitle: some(
      fc.oneof(fc.constantFrom('journal of things', 'Handbook of care'), freeText),
    ),
    volume: some(fc.constantFrom('2', '15', 'IV', '3a')),
    issue: some(fc.constantFrom('1', '3-4', 'Suppl. 2')),
    pages: some(fc.constantFrom('1-10', '223–250', '12', 'e1001', 'xi-xx')),
    edition: some(fc.integer({ min: 2, max: 23 })),
    publisher: some(fc.oneof(fc.constantFrom('Guilford Press', 'Routledge & Sons'), freeText)),
    place: some(fc.constantFrom('New York, NY', 'Oxford')),
    doi: some(fc.constantFrom('10.1037/a0000001', '10.1000/x&y', '10.1000/a"b<c>')),
    isbn: some(fc.constantFrom('978-1-68403-160-7', '0-19-852663-6')),
    url: some(fc.constantFrom('https://example.org/a?b=1&c=2', 'https://example.org/book')),
  })
  .map(({ type, authors, editors, ...rest }) => {
    // Each reading has authors, or editors (an edited book), as the content rules require.
    const lead = authors.length > 0 ? authors : [{ family: 'Fallback', given: 'F.' }];
    const fields = Object.fromEntries(
      Object.entries(rest).filter(([, value]) => value !== undefined),
    );
    return readingSchema.parse(
      type === 'edited-book'
        ? { type, editors: editors.length > 0 ? editors : lead, ...fields }
        : { type, authors: lead, editors: type === 'chapter' ? editors : [], ...fields },
    );
  });

describe('formatEach', () => {
  beforeAll(() => formatEach([fc.sample(readingArbitrary, 1)[0]!]), 60_000);

  it('gives every reading, in one call with many others, what it gets formatted alone', async () => {
    let throughCiteproc = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(readingArbitrary, { minLength: 1, maxLength: 12 }),
        async (readings) => {
          const expected = [];
          for (const reading of readings) expected.push(await citeprocAlone(reading));
          expect(await formatEach(readings)).toEqual(expected);
          throughCiteproc += readings.filter((reading) => !isPlain(reading)).length;
        },
      ),
      { numRuns: 80, seed: 7 },
    );
    // These readings are meant for citeproc; apa-plain.test.ts generates plain ones.
    expect(throughCiteproc).toBeGreaterThan(300);
  }, 600_000);

  it('gives two readings by one author in one year no year suffix, as each alone', async () => {
    // "J" rather than "J.": not a plain reading, so citeproc formats it.
    const twins = ['B', 'A'].map((title) =>
      readingSchema.parse({
        type: 'book',
        authors: [{ family: 'Roe', given: 'J' }],
        year: 2019,
        title,
        publisher: 'Example Press',
      }),
    );
    expect((await formatEach(twins)).map(({ text }) => text)).toEqual([
      'Roe, J. (2019). B. Example Press.',
      'Roe, J. (2019). A. Example Press.',
    ]);
    // Formatted together as a list, citeproc tells them apart.
    expect((await formatReferences(twins)).map(({ text }) => text)).toEqual([
      'Roe, J. (2019a). A. Example Press.',
      'Roe, J. (2019b). B. Example Press.',
    ]);
  }, 60_000);

  it('returns nothing for no readings', async () => {
    expect(await formatEach([])).toEqual([]);
  });
});

describe('eachStyleXml', () => {
  it('empties the citation and drops its disambiguation, keeping its given-name rule', () => {
    const style =
      '<style><macro name="m"><text variable="title"/></macro>' +
      '<citation collapse="year" disambiguate-add-givenname="true" disambiguate-add-year-suffix="true" et-al-min="3" givenname-disambiguation-rule="primary-name-with-initials">' +
      '<layout><text macro="m"/></layout></citation>' +
      '<bibliography et-al-min="21"><layout><text macro="m"/></layout></bibliography></style>';
    expect(eachStyleXml(style)).toBe(
      '<style><macro name="m"><text variable="title"/></macro>' +
        '<citation givenname-disambiguation-rule="primary-name-with-initials"><layout><text value=""/></layout></citation>' +
        '<bibliography et-al-min="21"><layout><text macro="m"/></layout></bibliography></style>',
    );
  });

  it('refuses a style without a citation', () => {
    expect(() => eachStyleXml('<style><bibliography/></style>')).toThrow(
      new Error('citations: the APA style has no <citation> element'),
    );
  });
});
