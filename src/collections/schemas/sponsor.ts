/** An organisation that sponsors or provides courses, the approvals it holds and its policies for attendees. */
import { z } from 'zod';
import { httpsUrlSchema, textSchema } from './common.ts';
import { jointAccreditationSchema, providerApprovalSchema } from './ce.ts';

export const sponsorSchema = z
  .strictObject({
    name: textSchema.meta({ description: 'Full name.', examples: ['Institute for Better Health'] }),
    shortName: textSchema
      .optional()
      .meta({ description: 'Abbreviation, when it has one.', examples: ['IBH'] }),
    url: httpsUrlSchema
      .optional()
      .meta({ description: 'Website.', examples: ['https://www.example.org'] }),
    approvals: z.array(providerApprovalSchema).default([]).meta({
      description:
        'The bodies that approve this organisation as a CE provider, each with its number, period and statement.',
    }),
    jointAccreditation: jointAccreditationSchema.optional(),
    contact: z
      .strictObject({
        email: z
          .email()
          .optional()
          .meta({ description: 'E-mail for attendees.', examples: ['ce@example.org'] }),
        phone: textSchema
          .optional()
          .meta({ description: 'Telephone for attendees.', examples: ['+1 555 0100'] }),
        address: textSchema
          .optional()
          .meta({ description: 'Postal address.', examples: ['1 Main Street, Boston, MA 02108'] }),
      })
      .optional()
      .meta({ description: 'How attendees reach the organisation; shown on its policy pages.' }),
    grievancePolicy: textSchema.optional().meta({
      description:
        'How an attendee files a grievance and whom to contact; its own page, linked from every course the organisation sponsors.',
    }),
    accommodationPolicy: textSchema.optional().meta({
      description:
        'How to request an accommodation (ADA); its own page, linked from every course the organisation sponsors.',
    }),
  })
  .meta({ description: 'A sponsoring organisation.' });

export type Sponsor = z.infer<typeof sponsorSchema>;
