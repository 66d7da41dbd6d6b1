/** A board or body that approves CE, the unit it counts credit in, and what it requires a course page to state. */
import { z } from 'zod';
import { textSchema } from './common.ts';
import { creditUnitSchema, requirementSchema } from './ce.ts';
import { jurisdictionsSchema } from './jurisdiction.ts';

export const boardSchema = z
  .strictObject({
    code: textSchema.meta({
      description: 'Short code as printed in approval lines.',
      examples: ['APA'],
    }),
    fullName: textSchema.optional().meta({
      description: 'The full name of the board, when known.',
      examples: ['American Psychological Association'],
    }),
    professions: z
      .array(textSchema)
      .min(1)
      .meta({
        description: 'The professions whose credit this approval covers.',
        examples: [['Psychologists']],
      }),
    creditUnit: creditUnitSchema.default('hours'),
    statementTemplate: textSchema.optional().meta({
      description:
        'The body’s approval statement with `{organization}` (and `{providerNumber}`) where the approved organisation’s name (and number) go; used for approvals that give no statement of their own.',
      examples: [
        '{organization} is approved by the American Psychological Association to sponsor continuing education for psychologists.',
      ],
    }),
    designationTemplate: textSchema.optional().meta({
      description:
        'The body’s credit designation statement, with `{organization}` and `{amount}` (the course’s credit from this body); printed under each course’s credit from a jointly accredited provider. A course’s own `designation` wins.',
      examples: [
        '{organization} designates this activity for a maximum of {amount} AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.',
      ],
    }),
    jurisdictions: jurisdictionsSchema.optional(),
    requires: z.array(requirementSchema).default([]).meta({
      description:
        'The promotional items this body requires a course page to state; `npm run check` reports each one a course lacks.',
    }),
  })
  .meta({ description: 'A CE approval board.' });

export type Board = z.infer<typeof boardSchema>;
