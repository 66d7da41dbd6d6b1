/** An instructor; the Markdown body of the file is the biography. */
import { z } from 'zod';
import { httpsUrlSchema, textSchema } from './common.ts';

export const instructorSchema = z
  .strictObject({
    name: textSchema.meta({ description: 'Full name as it should appear.', examples: ['Leslie Becker-Phelps'] }),
    credentials: textSchema.optional().meta({ description: 'Degrees and licences.', examples: ['PhD'] }),
    role: textSchema.optional().meta({ description: 'One line on who they are.', examples: ['Clinical psychologist and author'] }),
    photo: z
      .string()
      .regex(/^\/[\w./-]+\.(?:jpe?g|png|webp|avif)$/, 'a path under public/, such as /images/name.jpg')
      .optional()
      .meta({ description: 'Path of a photo under public/.', examples: ['/images/instructors/name.jpg'] }),
    photoAlt: textSchema.optional().meta({ description: 'Text alternative for the photo.', examples: ['Portrait of the instructor'] }),
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
