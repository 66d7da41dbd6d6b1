/** An organisation that sponsors or provides courses. */
import { z } from 'zod';
import { httpsUrlSchema, textSchema } from './common.ts';

export const sponsorSchema = z
  .strictObject({
    name: textSchema.meta({ description: 'Full name.', examples: ['Institute for Better Health'] }),
    shortName: textSchema.optional().meta({ description: 'Abbreviation, when it has one.', examples: ['IBH'] }),
    url: httpsUrlSchema.optional().meta({ description: 'Website.', examples: ['https://www.example.org'] }),
  })
  .meta({ description: 'A sponsoring organisation.' });

export type Sponsor = z.infer<typeof sponsorSchema>;
