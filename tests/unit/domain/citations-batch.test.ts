/**
 * Formatting each distinct reading once (formatEach, in collision-free batches) and ordering a
 * list from those gives byte for byte what formatting the list whole gives, or says the list
 * must be formatted whole. Lists are drawn from a small pool of names, years and titles, so
 * they are full of same-author-same-year pairs, same authors in other years, corporate
 * authors, editors standing in for authors, DOIs, URLs and markup in titles.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatEach,
  formatReferences,
  needsWholeList,
  referencesInApaOrder,
} from '../../../src/domain/citations.ts';
import { readingSchema, type Reading } from '../../../src/collections/schemas/reading.ts';

const person = fc.record({
  family: fc.constantFrom(
    'Smith',
    'Smyth',
    'smith',
    'Sánchez',
    'Sanchez',
    "O'Neil",
    'van Gogh',
    'Gogh',
    'World Health Organization',
    'Lee',
  ),
  given: fc.option(fc.constantFrom('J.', 'K.', 'J. R.', 'Ann'), { nil: undefined }),
});
const people = (min: number, max: number) => fc.array(person, { minLength: min, maxLength: max });

const readingArbitrary: fc.Arbitrary<Reading> = fc
  .record({
    type: fc.constantFrom('book', 'edited-book', 'chapter', 'article'),
    authors: people(0, 4),
    editors: people(0, 2),
    year: fc.constantFrom(2019, 2020, 1999),
    title: fc.constantFrom(
      'A study',
      'a study',
      'The <i>Homo sapiens</i> brain: Notes',
      'Trauma & recovery',
      'Zeal',
      'Études',
    ),
    containerTitle: fc.option(fc.constantFrom('journal of things', 'Handbook of care'), {
      nil: undefined,
    }),
    volume: fc.option(fc.constantFrom('2', '15'), { nil: undefined }),
    pages: fc.option(fc.constantFrom('1-10', '223-250'), { nil: undefined }),
    publisher: fc.option(fc.constantFrom('Guilford Press', 'Routledge'), { nil: undefined }),
    doi: fc.option(fc.constantFrom('10.1037/a0000001', '10.1000/x&y'), { nil: undefined }),
    url: fc.option(fc.constantFrom('https://example.org/a?b=1&c=2'), { nil: undefined }),
  })
  .map((input) => {
    const { type, authors, editors, ...rest } = input;
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

const listsArbitrary = fc.array(fc.array(readingArbitrary, { minLength: 1, maxLength: 8 }), {
  minLength: 1,
  maxLength: 12,
});

/** The new path for every list at once: one formatEach over all readings, then per list. */
async function assembled(lists: Reading[][]): Promise<unknown[]> {
  const formats = await formatEach(lists.flat());
  let offset = 0;
  const result: unknown[] = [];
  for (const list of lists) {
    const own = formats.slice(offset, offset + list.length);
    offset += list.length;
    result.push(referencesInApaOrder(list, own) ?? (await formatReferences(list)));
  }
  return result;
}

describe('formatEach and referencesInApaOrder', () => {
  beforeAll(() => formatReferences([fc.sample(readingArbitrary, 1)[0]!]), 60_000);

  it('give every list exactly what formatting it whole gives', async () => {
    let assembledLists = 0;
    await fc.assert(
      fc.asyncProperty(listsArbitrary, async (lists) => {
        const expected = [];
        for (const list of lists) expected.push(await formatReferences(list));
        expect(await assembled(lists)).toEqual(expected);
        assembledLists += lists.filter((list) => !needsWholeList(list)).length;
      }),
      { numRuns: 60, seed: 23 },
    );
    // The pool makes collisions common; most lists must still take the fast path.
    expect(assembledLists).toBeGreaterThan(120);
  }, 600_000);

  it('send a list with a same-author-same-year pair to be formatted whole', async () => {
    const twins = [
      readingSchema.parse({
        type: 'book',
        authors: [{ family: 'Roe', given: 'J.' }],
        year: 2019,
        title: 'B',
      }),
      readingSchema.parse({
        type: 'book',
        authors: [{ family: 'roé', given: 'K.' }],
        year: 2019,
        title: 'A',
      }),
    ];
    expect(needsWholeList(twins)).toBe(true);
    expect(referencesInApaOrder(twins, await formatEach(twins))).toBeUndefined();
  }, 60_000);
});
