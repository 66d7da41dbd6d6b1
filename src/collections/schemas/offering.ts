/**
 * When, where and for how much a course is given. A course (what is taught, by whom, for what
 * credit) may be offered several times: each offering has its own format, dates or on-demand
 * availability, time zone, venue, prices and registration link. A course given once writes
 * these fields at its top level; a course given more than once lists them under `offerings`.
 */
import { z } from 'zod';
import {
  httpsUrlSchema,
  isoDateSchema,
  moneySchema,
  slugSchema,
  textSchema,
  timeZoneSchema,
} from './common.ts';
import { courseFormatSchema } from './format.ts';
import { sessionSchema } from './session.ts';

export const PRICE_KINDS = ['standard', 'early-bird', 'member', 'student', 'group'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

export const priceSchema = z
  .strictObject({
    ...moneySchema.shape,
    // No default: Decap fills a new list with one item when a field inside it has a default.
    kind: z
      .enum(PRICE_KINDS)
      .optional()
      .meta({
        description: 'Who the price is for; `standard` when left out.',
        examples: ['early-bird'],
      }),
    until: isoDateSchema.optional().meta({
      description:
        'The last day the price applies, in the offering’s time zone (an early-bird deadline).',
      examples: ['2027-02-15'],
    }),
    groupSize: z
      .int()
      .min(2)
      .optional()
      .meta({
        description:
          'For a group price: the smallest group it applies to; the amount is per person.',
        examples: [5],
      }),
    label: textSchema.optional().meta({
      description: 'The provider’s own name for the price, when the kind alone does not say it.',
      examples: ['APA members'],
    }),
  })
  .meta({ description: 'One price: an amount, who it is for, and until when.' });

export const venueSchema = z
  .strictObject({
    name: textSchema.meta({ description: 'Name of the venue.', examples: ['Conference Center'] }),
    room: textSchema.optional().meta({
      description: 'The room or floor within the venue.',
      examples: ['Room 204, second floor'],
    }),
    streetAddress: textSchema.meta({
      description: 'Street and number.',
      examples: ['1 Main Street'],
    }),
    locality: textSchema.meta({ description: 'City.', examples: ['Boston'] }),
    region: textSchema.optional().meta({ description: 'State or region.', examples: ['MA'] }),
    postalCode: textSchema.optional().meta({ description: 'Postal code.', examples: ['02108'] }),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166 country code')
      .meta({ description: 'ISO 3166 country code.', examples: ['US'] }),
  })
  .meta({ description: 'Where an in-person or hybrid course meets.' });

export const OFFERING_STATUSES = ['open', 'sold-out', 'cancelled'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

/** The fields of one offering; a course given once has them at its top level. */
export const offeringFields = {
  format: courseFormatSchema,
  timeZone: timeZoneSchema.optional().meta({
    description:
      'The IANA time zone the session times and dates are written in; needed when anything is scheduled.',
    examples: ['America/New_York'],
  }),
  venue: venueSchema.optional(),
  sessions: z
    .array(sessionSchema)
    .optional()
    .meta({ description: 'The sessions, in order. Required unless the format is on-demand.' }),
  availableFrom: isoDateSchema.optional().meta({
    description: 'On demand: the first day the course can be taken.',
    examples: ['2027-01-15'],
  }),
  availableUntil: isoDateSchema.optional().meta({
    description: 'On demand: the last day the course can be taken; registration closes after it.',
    examples: ['2028-01-14'],
  }),
  prices: z
    .array(priceSchema)
    .min(1)
    .optional()
    .meta({ description: 'The prices; no price is shown when left out.' }),
  registrationUrl: httpsUrlSchema
    .optional()
    .meta({ description: 'Where to register, when registration is open.' }),
  capacity: textSchema.optional().meta({
    description: 'A note on places, as the provider words it.',
    examples: ['Limited to 30 participants'],
  }),
  status: z
    .enum(OFFERING_STATUSES)
    .optional()
    .meta({
      description:
        '`sold-out` or `cancelled` when registration is closed for that reason; open when left out.',
      examples: ['sold-out'],
    }),
};

export const offeringSchema = z
  .strictObject({
    id: slugSchema.optional().meta({
      description:
        'A short name for the offering, used in its calendar file’s address; its first date (or `on-demand`) when left out.',
      examples: ['spring-2027'],
    }),
    ...offeringFields,
  })
  .meta({
    description: 'One offering of the course: its format, dates, place, prices and registration.',
  });

export type Price = z.infer<typeof priceSchema>;
export type Venue = z.infer<typeof venueSchema>;
export type OfferingInput = z.infer<typeof offeringSchema>;
