import { beforeAll, describe, expect, it } from 'vitest';
import { formatReferences, type FormattedReference } from '../../../src/domain/citations.ts';
import { readingSchema, type Reading } from '../../../src/collections/schemas/reading.ts';

const reading = (input: unknown): Reading => readingSchema.parse(input);

// The readings of content/courses/attachment-theory-treatment-effectiveness.md, in file order.
const becker = reading({
  type: 'book',
  authors: [{ family: 'Becker-Phelps', given: 'L.' }],
  year: 2019,
  title:
    'Bouncing Back from Rejection: Build the Resilience You Need to Get Back Up When Life Knocks You Down',
  publisher: 'New Harbinger Publications',
  place: 'Oakland, CA',
});
const bateman = reading({
  type: 'book',
  authors: [
    { family: 'Bateman', given: 'A.' },
    { family: 'Fonagy', given: 'P.' },
  ],
  year: 2016,
  title: 'Mentalization-Based Treatment for Personality Disorders: A practical guide',
  publisher: 'Oxford University Press',
  place: 'Oxford',
});
const cassidy = reading({
  type: 'edited-book',
  editors: [
    { family: 'Cassidy', given: 'J.' },
    { family: 'Shaver', given: 'P. R.' },
  ],
  year: 2016,
  title: 'Handbook of attachment: Theory, research, and clinical applications',
  edition: 3,
  publisher: 'The Guilford Press',
});
const warren = reading({
  type: 'article',
  authors: [
    { family: 'Warren', given: 'R.' },
    { family: 'Smeets', given: 'E.' },
    { family: 'Neff', given: 'K.' },
  ],
  year: 2016,
  title:
    'Risk and resilience: Being compassionate to oneself is associated with emotional resilience and psychological well-being',
  containerTitle: 'Current Psychiatry',
  volume: '15',
  pages: '19-33',
});

async function formatOne(input: unknown): Promise<FormattedReference> {
  const references = await formatReferences([reading(input)]);
  expect(references).toHaveLength(1);
  return references[0]!;
}

describe('formatReferences', () => {
  // The first call imports citation-js and builds the APA engine: seconds on a busy machine,
  // more than a test's 5 s timeout; pay it once here.
  beforeAll(() => formatReferences([becker]), 60_000);

  it('formats the seed course readings in APA order, dropping the place of publication', async () => {
    expect(await formatReferences([becker, bateman, cassidy, warren])).toEqual([
      {
        html: 'Bateman, A., &#38; Fonagy, P. (2016). <i>Mentalization-Based Treatment for Personality Disorders: A practical guide</i>. Oxford University Press.',
        text: 'Bateman, A., & Fonagy, P. (2016). Mentalization-Based Treatment for Personality Disorders: A practical guide. Oxford University Press.',
        reading: bateman,
      },
      {
        html: 'Becker-Phelps, L. (2019). <i>Bouncing Back from Rejection: Build the Resilience You Need to Get Back Up When Life Knocks You Down</i>. New Harbinger Publications.',
        text: 'Becker-Phelps, L. (2019). Bouncing Back from Rejection: Build the Resilience You Need to Get Back Up When Life Knocks You Down. New Harbinger Publications.',
        reading: becker,
      },
      {
        html: 'Cassidy, J., &#38; Shaver, P. R. (Eds.). (2016). <i>Handbook of attachment: Theory, research, and clinical applications</i> (3rd ed.). The Guilford Press.',
        text: 'Cassidy, J., & Shaver, P. R. (Eds.). (2016). Handbook of attachment: Theory, research, and clinical applications (3rd ed.). The Guilford Press.',
        reading: cassidy,
      },
      {
        html: 'Warren, R., Smeets, E., &#38; Neff, K. (2016). Risk and resilience: Being compassionate to oneself is associated with emotional resilience and psychological well-being. <i>Current Psychiatry</i>, <i>15</i>, 19–33.',
        text: 'Warren, R., Smeets, E., & Neff, K. (2016). Risk and resilience: Being compassionate to oneself is associated with emotional resilience and psychological well-being. Current Psychiatry, 15, 19–33.',
        reading: warren,
      },
    ]);
  });

  it('returns nothing for no readings', async () => {
    expect(await formatReferences([])).toEqual([]);
  });

  it('formats a chapter in an edited book, with its editors, edition and pages', async () => {
    expect(
      await formatOne({
        type: 'chapter',
        authors: [
          { family: 'Mikulincer', given: 'M.' },
          { family: 'Shaver', given: 'P. R.' },
        ],
        editors: [
          { family: 'Cassidy', given: 'J.' },
          { family: 'Shaver', given: 'P. R.' },
        ],
        year: 2016,
        title: 'Adult attachment and emotion regulation',
        containerTitle: 'Handbook of attachment: Theory, research, and clinical applications',
        edition: 3,
        pages: '507-533',
        publisher: 'The Guilford Press',
        place: 'New York, NY',
      }),
    ).toMatchObject({
      html: 'Mikulincer, M., &#38; Shaver, P. R. (2016). Adult attachment and emotion regulation. In J. Cassidy &#38; P. R. Shaver (Eds.), <i>Handbook of attachment: Theory, research, and clinical applications</i> (3rd ed., pp. 507–533). The Guilford Press.',
      text: 'Mikulincer, M., & Shaver, P. R. (2016). Adult attachment and emotion regulation. In J. Cassidy & P. R. Shaver (Eds.), Handbook of attachment: Theory, research, and clinical applications (3rd ed., pp. 507–533). The Guilford Press.',
    });
  });

  it('formats an article with an issue number', async () => {
    expect(
      await formatOne({
        type: 'article',
        authors: [{ family: 'Neff', given: 'K. D.' }],
        year: 2003,
        title: 'The development and validation of a scale to measure self-compassion',
        containerTitle: 'Self and Identity',
        volume: '2',
        issue: '3',
        pages: '223-250',
      }),
    ).toMatchObject({
      html: 'Neff, K. D. (2003). The development and validation of a scale to measure self-compassion. <i>Self and Identity</i>, <i>2</i>(3), 223–250.',
      text: 'Neff, K. D. (2003). The development and validation of a scale to measure self-compassion. Self and Identity, 2(3), 223–250.',
    });
  });

  it('links the DOI, and prints it rather than the URL when a reading has both', async () => {
    expect(
      await formatOne({
        type: 'article',
        authors: [{ family: 'Neff', given: 'K. D.' }],
        year: 2003,
        title: 'The development and validation of a scale to measure self-compassion',
        containerTitle: 'Self and Identity',
        volume: '2',
        issue: '3',
        pages: '223-250',
        doi: '10.1080/15298860309027',
        url: 'https://www.example.org/neff-2003',
      }),
    ).toMatchObject({
      html: 'Neff, K. D. (2003). The development and validation of a scale to measure self-compassion. <i>Self and Identity</i>, <i>2</i>(3), 223–250. <a href="https://doi.org/10.1080/15298860309027" rel="noopener noreferrer">https://doi.org/10.1080/15298860309027</a>',
      text: 'Neff, K. D. (2003). The development and validation of a scale to measure self-compassion. Self and Identity, 2(3), 223–250. https://doi.org/10.1080/15298860309027',
    });
  });

  it('links the URL when there is no DOI, escaping it in the href and the text', async () => {
    expect(
      await formatOne({
        type: 'book',
        authors: [{ family: 'Roe', given: 'J.' }],
        year: 2021,
        title: 'An online book',
        publisher: 'Example Press',
        url: 'https://www.example.org/book?id=1&format=html',
      }),
    ).toMatchObject({
      html: 'Roe, J. (2021). <i>An online book</i>. Example Press. <a href="https://www.example.org/book?id=1&amp;format=html" rel="noopener noreferrer">https://www.example.org/book?id=1&#38;format=html</a>',
      text: 'Roe, J. (2021). An online book. Example Press. https://www.example.org/book?id=1&format=html',
    });
  });

  it('appends nothing for an ISBN: APA 7 references have none, the component shows it', async () => {
    const isbnOnly = reading({ ...becker, isbn: '978-1-68403-160-7' });
    expect(await formatReferences([isbnOnly])).toEqual([
      {
        html: 'Becker-Phelps, L. (2019). <i>Bouncing Back from Rejection: Build the Resilience You Need to Get Back Up When Life Knocks You Down</i>. New Harbinger Publications.',
        text: 'Becker-Phelps, L. (2019). Bouncing Back from Rejection: Build the Resilience You Need to Get Back Up When Life Knocks You Down. New Harbinger Publications.',
        reading: isbnOnly,
      },
    ]);
  });

  it('escapes markup in the fields, keeping only citeproc’s own formatting tags', async () => {
    expect(
      await formatOne({
        type: 'article',
        authors: [{ family: 'Doe', given: 'J.' }],
        year: 2020,
        title:
          'On <script>alert(1)</script>, <img src=x onerror=alert(1)>, <b onclick="x">b</b> & <i>Homo sapiens</i>',
        containerTitle: 'Journal',
        volume: '1',
      }),
    ).toMatchObject({
      html: 'Doe, J. (2020). On &#60;script&#62;alert(1)&#60;/script&#62;, &#60;img src=x onerror=alert(1)&#62;, &#60;b onclick="x"&#62;b&#60;/b&#62; &#38; <i>Homo sapiens</i>. <i>Journal</i>, <i>1</i>.',
      text: 'Doe, J. (2020). On <script>alert(1)</script>, <img src=x onerror=alert(1)>, <b onclick="x">b</b> & Homo sapiens. Journal, 1.',
    });
  });

  it('title-cases a journal name but leaves other titles as written', async () => {
    const { text } = await formatOne({
      type: 'article',
      authors: [{ family: 'Doe', given: 'J.' }],
      year: 2020,
      title: 'a title in lower case',
      containerTitle: 'journal of lower case',
      volume: '1',
    });
    expect(text).toBe('Doe, J. (2020). a title in lower case. Journal of Lower Case, 1.');
  });

  it('keeps a quote in a DOI from ending the href', async () => {
    const { html } = await formatOne({
      type: 'article',
      authors: [{ family: 'Doe', given: 'J.' }],
      year: 2020,
      title: 'Odd identifiers',
      containerTitle: 'Journal',
      doi: '10.1000/a"onmouseover="alert(1)<x>',
    });
    expect(html).toBe(
      'Doe, J. (2020). Odd identifiers. <i>Journal</i>. <a href="https://doi.org/10.1000/a%22onmouseover%3D%22alert(1)%3Cx%3E" rel="noopener noreferrer">https://doi.org/10.1000/a"onmouseover="alert(1)&#60;x&#62;</a>',
    );
  });
});
