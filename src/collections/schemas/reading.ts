/**
 * A recommended reading, structured so that an APA 7 reference can be generated from it.
 * Only what the source gives is filled in; every bibliographic field but type, authors
 * (or editors), year and title is optional.
 */
import { z } from 'zod';
import { httpsUrlSchema, textSchema } from './common.ts';

export const personNameSchema = z
  .strictObject({
    family: textSchema.meta({ description: 'Family name.', examples: ['Becker-Phelps'] }),
    given: textSchema
      .optional()
      .meta({ description: 'Given names or initials.', examples: ['L.'] }),
  })
  .meta({ description: 'A person named in a reference.' });

export const READING_TYPES = ['book', 'edited-book', 'chapter', 'article'] as const;

export const readingSchema = z
  .strictObject({
    type: z
      .enum(READING_TYPES)
      .meta({ description: 'What kind of work this is.', examples: ['book'] }),
    authors: z
      .array(personNameSchema)
      .default([])
      .meta({ description: 'Authors, in the order the work lists them.' }),
    editors: z.array(personNameSchema).default([]).meta({
      description: 'Editors: of the book itself (edited-book) or of the book a chapter is in.',
    }),
    year: z
      .int()
      .min(1000)
      .max(9999)
      .meta({ description: 'Year of publication.', examples: [2019] }),
    title: textSchema.meta({
      description: 'Title of the book, chapter or article.',
      examples: ['Bouncing back from rejection'],
    }),
    containerTitle: textSchema.optional().meta({
      description: 'Journal name (article) or book title (chapter).',
      examples: ['Current Psychiatry'],
    }),
    volume: textSchema.optional().meta({ description: 'Journal volume.', examples: ['15'] }),
    issue: textSchema.optional().meta({ description: 'Journal issue.', examples: ['3'] }),
    pages: textSchema.optional().meta({ description: 'Page range.', examples: ['19-33'] }),
    edition: z
      .int()
      .min(2)
      .optional()
      .meta({ description: 'Edition number, when not the first.', examples: [3] }),
    publisher: textSchema
      .optional()
      .meta({ description: 'Publisher.', examples: ['New Harbinger Publications'] }),
    place: textSchema
      .optional()
      .meta({ description: 'Place of publication.', examples: ['Oakland, CA'] }),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as 10.1037/0000000-000')
      .optional()
      .meta({ description: 'DOI, without https://doi.org/.', examples: ['10.1037/a0000000'] }),
    isbn: z
      .string()
      .regex(/^(97[89][- ]?)?\d[\d -]{7,15}[\dX]$/, 'an ISBN-10 or ISBN-13')
      .optional()
      .meta({ description: 'ISBN.', examples: ['978-1-68403-160-7'] }),
    url: httpsUrlSchema
      .optional()
      .meta({ description: 'A link to the work.', examples: ['https://www.example.org/book'] }),
  })
  .meta({ description: 'A recommended reading.' });

export type Reading = z.infer<typeof readingSchema>;
export type PersonName = z.infer<typeof personNameSchema>;
