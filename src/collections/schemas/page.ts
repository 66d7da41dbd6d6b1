/** One of the provider's own pages (About, Contact, Privacy, …); the Markdown body is the page. */
import { z } from 'zod';
import { textSchema } from './common.ts';

export const NAV_PLACES = ['header', 'footer', 'none'] as const;
export type NavPlace = (typeof NAV_PLACES)[number];

export const pageSchema = z
  .strictObject({
    title: textSchema.max(120).meta({
      description: 'The page title, also its link text in the header or footer.',
      examples: ['Accessibility statement'],
    }),
    description: textSchema.max(160).meta({
      description: 'One sentence for search results and link previews (at most 160 characters).',
      examples: ['How we make this site usable by everyone, and how to tell us when it is not.'],
    }),
    nav: z
      .enum(NAV_PLACES)
      .default('footer')
      .meta({
        description:
          'Where every page links to it: the header, the footer, or nowhere (`none`: reached by its address or search only).',
        examples: ['footer'],
      }),
    order: z
      .number()
      .int()
      .default(0)
      .meta({
        description: 'Its place among the links of the same place, smallest first; ties by title.',
        examples: [10],
      }),
  })
  .meta({ description: 'A page of the provider’s own.' });

export type Page = z.infer<typeof pageSchema>;
