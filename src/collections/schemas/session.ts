/**
 * One meeting of a course. Times are wall-clock times in the course's own time zone
 * (never instants), so a session at 16:00 stays at 16:00 on both sides of a DST change.
 */
import { z } from 'zod';
import { isoDateSchema, textSchema, wallTimeSchema } from './common.ts';

export const agendaItemSchema = z
  .strictObject({
    label: textSchema
      .optional()
      .meta({ description: 'A short label shown before the title.', examples: ['Hour 1'] }),
    title: textSchema.meta({
      description: 'What this part of the session covers.',
      examples: ['Attachment Theory: An overview and important concepts for therapy'],
    }),
    start: wallTimeSchema
      .optional()
      .meta({ description: 'Local start time, when the agenda gives one.', examples: ['12:00'] }),
    end: wallTimeSchema
      .optional()
      .meta({ description: 'Local end time, when the agenda gives one.', examples: ['13:00'] }),
    // No default: Decap fills a new list with one item when a field inside it has a default.
    noCredit: z
      .boolean()
      .optional()
      .meta({
        description:
          '`true` for a part that gives no CE credit (a break, lunch, a welcome); give its `start` and `end`.',
        examples: [true],
      }),
  })
  .meta({ description: 'One titled part of a session, such as one hour.' });

export const sessionSchema = z
  .strictObject({
    date: isoDateSchema.meta({
      description: 'The day of the session in the course time zone.',
      examples: ['2020-10-19'],
    }),
    start: wallTimeSchema.meta({
      description: 'Local start time, HH:MM (24-hour).',
      examples: ['16:00'],
    }),
    end: wallTimeSchema.meta({
      description: 'Local end time, HH:MM (24-hour); must be after start.',
      examples: ['18:00'],
    }),
    title: textSchema
      .optional()
      .meta({ description: 'Optional title of the session.', examples: ['Foundations'] }),
    agenda: z
      .array(agendaItemSchema)
      .default([])
      .meta({ description: 'The titled parts of the session, in order.' }),
  })
  .meta({ description: 'One live session: its date and local start and end times.' });

export type Session = z.infer<typeof sessionSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
