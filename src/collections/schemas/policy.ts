/**
 * A refund and cancellation policy as data, general enough for the policies CE providers
 * use: tiers by how long before the first session a registrant cancels (or, on demand, how
 * soon after purchase), tiers that differ by format, refunds, credits, transfers and
 * substitutes, fees fixed or a percentage under the policy's own name, calendar or business
 * days with holidays. Combinations the schema cannot express (a tier counts one way, tiers in
 * order, a fee fixed or a percentage) are checked by collections/validation/policy-rules.ts.
 */
import { z } from 'zod';
import { isoDateSchema, moneySchema, textSchema } from './common.ts';
import { courseFormatSchema } from './format.ts';

/** Outcomes a registrant may be offered a choice between. */
export const CHOICE_OUTCOMES = ['refund', 'credit', 'transfer'] as const;
export const REFUND_OUTCOMES = ['refund', 'credit', 'transfer', 'substitution', 'none'] as const;

const feePercentSchema = z.number().min(0).max(100);

export const tierFeeSchema = z
  .strictObject({
    name: textSchema.meta({
      description: 'What the policy calls the fee.',
      examples: ['late-cancel fee'],
    }),
    fixed: moneySchema.optional().meta({ description: 'A fixed fee.' }),
    percent: feePercentSchema
      .optional()
      .meta({ description: 'A fee as a percentage of the price.', examples: [15] }),
  })
  .meta({
    description: "The tier's own fee, instead of the policy's `fees`: fixed or a percentage.",
  });

export const refundTierSchema = z
  .strictObject({
    formats: z
      .array(courseFormatSchema)
      .min(1)
      .optional()
      .meta({
        description: 'Formats this tier applies to; every format of appliesTo when left out.',
        examples: [['on-demand']],
      }),
    minDaysBefore: z
      .int()
      .nonnegative()
      .optional()
      .meta({
        description:
          'For courses with sessions: the tier applies to cancellations at least this many days before the first session. Left out only on the last tier.',
        examples: [14],
      }),
    withinDays: z
      .int()
      .positive()
      .optional()
      .meta({
        description:
          'For on-demand courses: the tier applies to cancellations within this many days of purchase (or of first opening the course).',
        examples: [7],
      }),
    condition: textSchema.optional().meta({
      description: 'A condition the tier adds, in words that follow a comma.',
      examples: ['if you have not started the course'],
    }),
    outcome: z
      // A list of one is the same as the outcome alone: the admin's multi-select always saves a list.
      .union([z.enum(REFUND_OUTCOMES), z.array(z.enum(REFUND_OUTCOMES)).min(1)])
      .meta({
        description:
          'What the registrant gets: refund, credit, transfer (to another date of the course), substitution (someone else attends) or none; or a list of refund, credit and transfer to choose from.',
        examples: ['refund', ['refund', 'credit']],
      }),
    percent: z
      .number()
      .min(0)
      .max(100)
      .default(100)
      .meta({
        description: 'Share of the price refunded or credited, in percent.',
        examples: [100],
      }),
    deductFee: z
      .boolean()
      .default(false)
      .meta({
        description: "Whether the matching fee from the policy's `fees` is taken off.",
        examples: [true],
      }),
    fee: tierFeeSchema.optional().meta({
      description: "The tier's own fee, which wins over `deductFee`.",
      examples: [{ name: 'late-cancel fee', fixed: { amount: 50, currency: 'USD' } }],
    }),
    creditValidMonths: z
      .int()
      .positive()
      .optional()
      .meta({ description: 'For a credit: how many months it stays valid.', examples: [12] }),
    creditValidFrom: z
      .enum(['cancellation', 'purchase'])
      .optional()
      .meta({
        description:
          'For a credit: whether its validity runs from the cancellation (when left out) or from the purchase.',
        examples: ['purchase'],
      }),
  })
  .meta({ description: 'One tier of the policy.' });

export const cancellationFeeSchema = z
  .strictObject({
    label: textSchema.meta({
      description: 'What the fee is for, as the policy words it.',
      examples: ['online course'],
    }),
    name: textSchema.optional().meta({
      description: 'What the policy calls the fee; "fee" when left out.',
      examples: ['administrative processing fee'],
    }),
    fixed: moneySchema.optional().meta({ description: 'A fixed fee.' }),
    percent: feePercentSchema
      .optional()
      .meta({ description: 'A fee as a percentage of the price.', examples: [10] }),
    formats: z
      .array(courseFormatSchema)
      .min(1)
      .optional()
      .meta({
        description: 'Formats this fee applies to; all when left out.',
        examples: [['live-online']],
      }),
    days: z
      .int()
      .positive()
      .optional()
      .meta({
        description: 'Course length in days (distinct session dates) this fee applies to.',
        examples: [2],
      }),
  })
  .meta({ description: 'An administrative fee.' });

export const holidayCalendarSchema = z
  .strictObject({
    country: z
      .string()
      .optional()
      .meta({
        description:
          'Country whose public holidays are closed days, as an ISO 3166 two-letter code.',
        examples: ['US'],
      }),
    region: z
      .string()
      .optional()
      .meta({
        description:
          'A state or region of that country whose own public holidays are closed days too, as the holiday calendar codes it.',
        examples: ['NY'],
      }),
    dates: z
      .array(isoDateSchema)
      .optional()
      .meta({
        description: 'Further closed days, such as the days between Christmas and New Year.',
        examples: [['2027-12-27']],
      }),
  })
  .meta({ description: 'Days business-day counting skips besides Saturdays and Sundays.' });

export const policySchema = z
  .strictObject({
    name: textSchema.meta({
      description: 'Name of the policy.',
      examples: ['Refund and cancellation policy'],
    }),
    appliesTo: z
      .array(courseFormatSchema)
      .min(1)
      .meta({
        description: 'Course formats the policy covers.',
        examples: [['live-online', 'in-person']],
      }),
    dayCounting: z
      .enum(['calendar', 'business'])
      .default('calendar')
      .meta({
        description:
          "Whether days are calendar days or business days (Monday to Friday, except the policy's holidays).",
        examples: ['calendar'],
      }),
    holidays: holidayCalendarSchema.optional().meta({
      description: 'Public holidays and other closed days that business days skip.',
      examples: [{ country: 'US', region: 'NY' }],
    }),
    onDemandFrom: z
      .enum(['purchase', 'access'])
      .optional()
      .meta({
        description:
          'What on-demand tiers count withinDays from: the purchase (when left out) or first opening the course.',
        examples: ['access'],
      }),
    tiers: z.array(refundTierSchema).min(1).meta({
      description: 'Tiers, from the earliest cancellation to the latest, for each format.',
    }),
    fees: z
      .array(cancellationFeeSchema)
      .default([])
      .meta({ description: 'Administrative fees, first match wins.' }),
    intro: textSchema.optional().meta({
      description: 'A short opening line.',
      examples: ['We understand, sometimes things come up!'],
    }),
    text: textSchema.meta({ description: 'The policy text as published.' }),
  })
  .meta({ description: 'A refund and cancellation policy.' });

export type RefundTier = z.infer<typeof refundTierSchema>;
export type TierFee = z.infer<typeof tierFeeSchema>;
export type CancellationFee = z.infer<typeof cancellationFeeSchema>;
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;
export type Policy = z.infer<typeof policySchema>;
