/** A board or body that approves courses for CE credit, and the statement it requires. */
import { z } from 'zod';
import { textSchema } from './common.ts';

export const boardSchema = z
  .strictObject({
    code: textSchema.meta({ description: 'Short code as printed in approval lines.', examples: ['APA'] }),
    fullName: textSchema
      .optional()
      .meta({ description: 'The full name of the board, when known.', examples: ['American Psychological Association'] }),
    professions: z
      .array(textSchema)
      .min(1)
      .meta({ description: 'The professions whose credit this approval covers.', examples: [['Psychologists']] }),
    statement: textSchema
      .optional()
      .meta({ description: 'The approval or sponsor statement the board requires to be shown.' }),
  })
  .meta({ description: 'A CE approval board.' });

export type Board = z.infer<typeof boardSchema>;
