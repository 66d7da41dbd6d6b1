/** An instructor; the Markdown body of the file is the biography. */
import { z } from 'zod';
import { httpsUrlSchema, textSchema } from './common.ts';

export const instructorSchema = z
  .strictObject({
    name: textSchema.meta({
      description: 'Full name as it should appear.',
      examples: ['Leslie Becker-Phelps'],
    }),
    credentials: textSchema
      .optional()
      .meta({ description: 'Degrees and licences.', examples: ['PhD'] }),
    role: textSchema.optional().meta({
      description: 'One line on who they are.',
      examples: ['Clinical psychologist and author'],
    }),
    // A file in content/, so the build can optimise it (astro:assets); never a path that leaves it.
    photo: z
      .string()
      .regex(
        /^(?!.*\.\.)[\w-][\w./-]*\.(?:jpe?g|png|webp|avif)$/,
        'an image file in content/instructors/photos/, such as photos/ada-example.jpg',
      )
      .optional()
      .meta({
        description:
          'A photo: a JPEG, PNG, WebP or AVIF file in content/instructors/photos/, written from this file; the site resizes it.',
        examples: ['photos/leslie-becker-phelps.jpg'],
      }),
    photoAlt: textSchema.optional().meta({
      description: 'Text alternative for the photo.',
      examples: ['Portrait of the instructor'],
    }),
    links: z
      .array(
        z.strictObject({
          label: textSchema.meta({ description: 'The link text.', examples: ['Personal website'] }),
          url: httpsUrlSchema,
        }),
      )
      .default([])
      .meta({ description: 'Links to the instructor elsewhere.' }),
  })
  .meta({ description: 'An instructor. The Markdown body is the biography.' });

export type Instructor = z.infer<typeof instructorSchema>;
