/**
 * The plain-reading formatter against citeproc: readings are generated from the very patterns
 * isPlain accepts (names, titles, journal names, numbers, publishers, DOIs, URLs, every type
 * and optional field), with some fields pushed just outside them, and formatEach, which takes
 * the plain ones past citeproc, must give each exactly what citation-js's own APA engine gives
 * it formatted alone: entry HTML, text and sort keys.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPlain, isPlain } from '../../../src/domain/apa-plain.ts';
import { formatEach } from '../../../src/domain/citations.ts';
import {
  READING_TYPES,
  readingSchema,
  type Reading,
} from '../../../src/collections/schemas/reading.ts';
import { citeprocAlone } from '../../helpers/citeproc-alone.ts';

const some = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
// Mostly the plain form, sometimes a near miss that isPlain must turn away.
const mostly = <T>(plain: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plain, weight: 40 }, { arbitrary: nearMiss, weight: 1 });

const family = mostly(
  fc.stringMatching(/^(?:[A-Z][a-z]{1,8}){1,2}(?:-[A-Z][a-z]{1,8})?$/),
  fc.constantFrom('van Gogh', "O'Neil", 'WHO', 'Sánchez', 'smith'),
);
const initials = mostly(
  fc.stringMatching(/^[A-Z]\.(?: [A-Z]\.){0,2}$/),
  fc.constantFrom('J', 'J.R.', 'Ann', 'É.', 'J.-P.'),
);
const person = fc.record({ family, given: initials });
// Mostly short lists; sometimes past the 20 names APA lists in full.
const people = fc.oneof(
  { arbitrary: fc.array(person, { minLength: 1, maxLength: 4 }), weight: 6 },
  { arbitrary: fc.array(person, { minLength: 5, maxLength: 22 }), weight: 1 },
);

const word = fc.stringMatching(/^[A-Za-z0-9]{1,9}$/);
const title = mostly(
  fc
    .tuple(
      word,
      fc.array(fc.tuple(fc.constantFrom(' ', '-', ', ', ': ', ' & '), word), { maxLength: 8 }),
    )
    .map(([first, rest]) => first + rest.map(([separator, next]) => separator + next).join('')),
  fc.constantFrom('A study?', 'Trauma & recovery', '"Quoted"', 'Ends.', 'Two  spaces'),
);
const journal = mostly(
  fc
    .tuple(
      fc.stringMatching(/^[A-Z][a-z]{0,9}$/),
      fc.array(
        fc.oneof(
          fc.stringMatching(/^[A-Z][a-z]{0,9}$/),
          // The words isPlain keeps lower case, and some it must not (citeproc capitalises them).
          fc.constantFrom(
            ...'a an and at by for from in of on or the to with & but via therapy x'.split(' '),
          ),
        ),
        { maxLength: 5 },
      ),
      fc.stringMatching(/^[A-Z][a-z]{0,9}$/),
    )
    .map(([first, middle, last]) => [first, ...middle, last].join(' ')),
  fc.constantFrom(
    'journal of things',
    'Journal Of Things',
    'Attachment & Human Development',
    'JAMA',
  ),
);
const number = mostly(fc.stringMatching(/^[1-9]\d{0,5}$/), fc.constantFrom('0', 'IV', '3a'));
const pages = mostly(
  fc.oneof(
    fc.stringMatching(/^[1-9]\d{0,5}$/),
    fc
      .tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 999 }))
      .map(([first, span]) => `${first}-${first + span}`),
  ),
  fc.constantFrom('12-9', '100-12', 'e1001', '1–10', '5-5'),
);
const publisher = mostly(
  fc.stringMatching(/^[A-Z][A-Za-z]{0,8}\.?(?: (?:&|[A-Z][A-Za-z]{0,8}\.?)){0,3}$/),
  fc.constantFrom('Guilford Press, Inc.', 'the Press', 'Routledge.'),
);
const doi = mostly(
  fc.stringMatching(/^10\.\d{4,9}\/[A-Za-z0-9_-]{1,8}(?:[./][A-Za-z0-9_-]{1,8}){0,2}$/),
  fc.constantFrom('10.1000/x&y', '10.1000/a"b', '10.1000/end.'),
);
const url = mostly(
  fc.stringMatching(/^https:\/\/[a-z0-9-]{1,8}\.[a-z]{2,4}(?:\/[A-Za-z0-9_-]{1,8}){0,2}\/?$/),
  fc.constantFrom('https://example.org/a?b=1&c=2', 'https://example.org/a.html'),
);

const readingArbitrary: fc.Arbitrary<Reading> = fc
  .record({
    type: fc.constantFrom(...READING_TYPES),
    authors: people,
    editors: fc.oneof(fc.constant([]), people),
    year: fc.integer({ min: 1000, max: 9999 }),
    title,
    containerTitle: fc.oneof(some(journal), some(title)),
    volume: some(number),
    issue: some(number),
    pages: some(pages),
    edition: some(fc.integer({ min: 2, max: 125 })),
    publisher: some(publisher),
    place: some(fc.constantFrom('New York, NY', 'Oxford')),
    doi: some(doi),
    isbn: some(fc.constantFrom('978-1-68403-160-7')),
    url: some(url),
  })
  .map(({ type, authors, editors, ...rest }) => {
    const fields = Object.fromEntries(
      Object.entries(rest).filter(([, value]) => value !== undefined),
    );
    return readingSchema.parse(
      type === 'edited-book'
        ? { type, editors: editors.length > 0 ? editors : authors, ...fields }
        : { type, authors, editors: type === 'chapter' ? editors : [], ...fields },
    );
  });

// The four usual shapes, so that most draws are plain and every type is.
const common = {
  year: fc.integer({ min: 1000, max: 9999 }),
  title,
  doi: some(doi),
  url: some(url),
  isbn: some(fc.constantFrom('978-1-68403-160-7')),
  place: some(fc.constantFrom('New York, NY')),
};
// The last two fields of books, edited books and chapters, in the order they had: draws are unchanged.
const published = {
  edition: some(fc.integer({ min: 2, max: 125 })),
  publisher: some(publisher),
};
const parsed = (type: Reading['type']) => (fields: Record<string, unknown>) =>
  readingSchema.parse({
    type,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  });
const shapedArbitrary: fc.Arbitrary<Reading> = fc.oneof(
  fc
    .record({
      ...common,
      authors: people,
      ...published,
    })
    .map(parsed('book')),
  fc
    .record({
      ...common,
      editors: people,
      ...published,
    })
    .map(parsed('edited-book')),
  fc
    .record({
      ...common,
      authors: people,
      editors: fc.oneof(fc.constant([]), people),
      containerTitle: title,
      pages: some(pages),
      ...published,
    })
    .map(parsed('chapter')),
  fc
    .record({
      ...common,
      authors: people,
      containerTitle: journal,
      volume: some(number),
      issue: some(number),
      pages: some(pages),
    })
    .map(parsed('article')),
);

describe('formatPlain', () => {
  beforeAll(() => formatEach([fc.sample(readingArbitrary, 1)[0]!]), 60_000);

  it('gives every plain reading what citeproc gives it alone', async () => {
    const plainByType = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { arbitrary: shapedArbitrary, weight: 4 },
            { arbitrary: readingArbitrary, weight: 1 },
          ),
          { minLength: 1, maxLength: 8 },
        ),
        async (readings) => {
          const expected = [];
          for (const reading of readings) expected.push(await citeprocAlone(reading));
          expect(await formatEach(readings)).toEqual(expected);
          for (const reading of readings.filter(isPlain))
            plainByType.set(reading.type, (plainByType.get(reading.type) ?? 0) + 1);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
    // The property is not vacuous: every type went through the plain path many times.
    for (const type of READING_TYPES) expect(plainByType.get(type) ?? 0).toBeGreaterThan(80);
  }, 600_000);

  it('formats the usual shapes as APA does', () => {
    const roe = { family: 'Roe', given: 'J.' };
    const doe = { family: 'Doe', given: 'K. L.' };
    const chapter = readingSchema.parse({
      type: 'chapter',
      authors: [roe],
      editors: [doe, roe],
      year: 2016,
      title: 'Adult attachment',
      containerTitle: 'Handbook of attachment',
      edition: 3,
      pages: '507-533',
      publisher: 'W. W. Norton & Company',
    });
    expect(isPlain(chapter)).toBe(true);
    expect(formatPlain(chapter)).toEqual({
      html: 'Roe, J. (2016). Adult attachment. In K. L. Doe &#38; J. Roe (Eds.), <i>Handbook of attachment</i> (3rd ed., pp. 507–533). W. W. Norton &#38; Company.',
      sortKeys: [
        'Roe|J.|',
        '1|',
        '120160000100000000|',
        null,
        'Adult|attachment|',
        null,
        null,
        null,
        null,
        null,
      ],
    });
  });

  it('leaves to citeproc what it does not know citeproc prints as written', () => {
    const base = {
      type: 'book',
      authors: [{ family: 'Roe', given: 'J.' }],
      year: 2019,
      title: 'A book',
    };
    expect(isPlain(readingSchema.parse(base))).toBe(true);
    for (const change of [
      { title: 'A "quoted" book' },
      { authors: [{ family: 'van Gogh', given: 'V.' }] },
      { authors: [{ family: 'Roe' }] },
      { publisher: 'Routledge, Inc.' },
      { containerTitle: 'Series' },
      { url: 'https://example.org/?a=1' },
    ])
      expect(isPlain(readingSchema.parse({ ...base, ...change }))).toBe(false);
  });
});
