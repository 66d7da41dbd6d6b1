/**
 * A course: the frontmatter of a Markdown or MDX file in content/courses/. The body of the
 * file is the course description. Rules that involve several fields (session order, CE hours
 * against the schedule, references to other files) live in src/lib/content/course-rules.ts.
 */
import { z } from 'zod';
import {
  httpsUrlSchema,
  isoDateSchema,
  moneySchema,
  referenceTo,
  slugSchema,
  textSchema,
  timeZoneSchema,
} from './common.ts';
import { courseFormatSchema } from './format.ts';
import { readingSchema } from './reading.ts';
import { sessionSchema } from './session.ts';

export const LEVELS = ['introductory', 'beginner', 'intermediate', 'advanced'] as const;
export const CE_CATEGORIES = ['general', 'ethics', 'cultural-competence', 'supervision'] as const;
export const CE_DELIVERIES = ['live', 'on-demand'] as const;

export const approvalSchema = z
  .strictObject({
    board: referenceTo('boards', 'apa'),
    note: textSchema.optional().meta({ description: 'A note on this approval for this course only.' }),
  })
  .meta({ description: 'A CE approval: the board, and an optional note.' });

export const ceHoursPartSchema = z
  .strictObject({
    hours: z.number().positive().multipleOf(0.25).meta({ description: 'Hours in this part.', examples: [6] }),
    category: z.enum(CE_CATEGORIES).meta({ description: 'What the hours count as.', examples: ['general'] }),
    delivery: z.enum(CE_DELIVERIES).meta({ description: 'How the hours are earned.', examples: ['live'] }),
  })
  .meta({ description: 'A part of the CE hours, by category and delivery.' });

export const venueSchema = z
  .strictObject({
    name: textSchema.meta({ description: 'Name of the venue.', examples: ['Conference Center'] }),
    streetAddress: textSchema.meta({ description: 'Street and number.', examples: ['1 Main Street'] }),
    locality: textSchema.meta({ description: 'City.', examples: ['Boston'] }),
    region: textSchema.optional().meta({ description: 'State or region.', examples: ['MA'] }),
    postalCode: textSchema.optional().meta({ description: 'Postal code.', examples: ['02108'] }),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166 country code')
      .meta({ description: 'ISO 3166 country code.', examples: ['US'] }),
  })
  .meta({ description: 'Where an in-person or hybrid course meets.' });

export const courseSchema = z
  .strictObject({
    title: textSchema.max(200).meta({ description: 'The course title.', examples: ['Improving Treatment Effectiveness with Attachment Theory'] }),
    subtitle: textSchema.max(300).optional().meta({ description: 'A one-line subtitle.' }),
    summary: textSchema
      .max(160)
      .meta({ description: 'One or two sentences for search results and link previews (at most 160 characters).' }),
    slug: slugSchema
      .optional()
      .meta({ description: 'URL slug; the file name is used when left out.', examples: ['attachment-theory'] }),
    draft: z.boolean().default(false).meta({ description: 'Drafts are previewed in development and never published.', examples: [false] }),
    publishDate: isoDateSchema
      .optional()
      .meta({ description: 'The course is left out of production builds before this date.', examples: ['2020-09-01'] }),
    instructors: z.array(referenceTo('instructors', 'leslie-becker-phelps')).min(1).meta({ description: 'Who teaches it.' }),
    format: courseFormatSchema,
    timeZone: timeZoneSchema.meta({ description: 'The IANA time zone the session times are written in.', examples: ['America/New_York'] }),
    venue: venueSchema.optional(),
    sessions: z.array(sessionSchema).default([]).meta({ description: 'The sessions, in order. Required unless the format is on-demand.' }),
    ceHours: z.number().positive().multipleOf(0.25).meta({ description: 'CE hours awarded.', examples: [8] }),
    ceHoursBreakdown: z
      .array(ceHoursPartSchema)
      .min(1)
      .optional()
      .meta({ description: 'How the hours split by category and delivery; must add up to ceHours.' }),
    ceHoursNote: textSchema
      .optional()
      .meta({ description: 'Why the CE hours differ from the scheduled hours, when they do.' }),
    audience: textSchema.meta({ description: 'Who the course is for.', examples: ['Mental health professionals'] }),
    levels: z.array(z.enum(LEVELS)).min(1).meta({ description: 'Levels the course suits.', examples: [['beginner', 'intermediate']] }),
    topics: z.array(textSchema.max(60)).min(1).meta({ description: 'Topics, for browsing and search.', examples: [['Attachment theory']] }),
    objectives: z
      .strictObject({
        leadIn: textSchema.meta({ description: 'The sentence before the list.', examples: ['Participants will be able to:'] }),
        items: z.array(textSchema).min(1).meta({ description: 'The learning objectives, in order.' }),
      })
      .meta({ description: 'Learning objectives with their lead-in.' }),
    approvals: z.array(approvalSchema).min(1).meta({ description: 'CE approvals, in the order to show them.' }),
    sponsors: z.array(referenceTo('sponsors', 'praxis-cet')).min(1).meta({ description: 'Joint sponsors.' }),
    readings: z.array(readingSchema).default([]).meta({ description: 'Recommended reading.' }),
    refundPolicy: referenceTo('policies', 'standard-refund').meta({ description: 'The refund and cancellation policy that applies.' }),
    registrationUrl: httpsUrlSchema.optional().meta({ description: 'Where to register, when registration is open.' }),
    price: moneySchema.optional().meta({ description: 'The price, when known.' }),
  })
  .meta({ description: 'A course. The Markdown body is the course description.' });

export type Course = z.infer<typeof courseSchema>;
export type CourseInput = z.input<typeof courseSchema>;
export type Approval = z.infer<typeof approvalSchema>;
export type Venue = z.infer<typeof venueSchema>;
export type Level = (typeof LEVELS)[number];
