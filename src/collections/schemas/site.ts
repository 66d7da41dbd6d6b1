/** Site-wide settings, from content/site.yaml. */
import { z } from 'zod';
import { httpsUrlSchema, referenceTo, textSchema } from './common.ts';

export const siteSchema = z
  .strictObject({
    name: textSchema.meta({
      description: 'Site name, shown in the header and titles.',
      examples: ['Praxis CET'],
    }),
    url: httpsUrlSchema.meta({
      description:
        'The public base URL of the site; canonical URLs, the sitemap and feeds are built from it.',
      examples: ['https://courses.example.org'],
    }),
    description: textSchema
      .max(160)
      .meta({ description: 'One sentence about the site, for the home page meta description.' }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a BCP 47 language tag such as en-US')
      .default('en-US')
      .meta({ description: 'Language of the content.', examples: ['en-US'] }),
    organization: referenceTo('sponsors', 'praxis-cet').meta({
      description: 'The sponsor that publishes the site.',
    }),
    contactEmail: z
      .email()
      .optional()
      .meta({
        description: 'A contact e-mail, when there is one.',
        examples: ['info@example.org'],
      }),
    strictCompliance: z
      .boolean()
      .default(false)
      .meta({
        description:
          'Whether a promotional item a CE body requires and a course lacks stops the build, instead of a warning from `npm run check`.',
        examples: [false],
      }),
    allowMdx: z
      .boolean()
      .default(true)
      .meta({
        description:
          'Whether .mdx course files are accepted. MDX runs code: for trusted authors only.',
        examples: [true],
      }),
  })
  .meta({ description: 'Site settings.' });

export type SiteSettings = z.infer<typeof siteSchema>;
