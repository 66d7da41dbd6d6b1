/**
 * A refund and cancellation policy as data, general enough for the policies CE providers
 * use: tiers by how long before the first session a registrant cancels, fees fixed or a
 * percentage that vary by format and length, calendar or business days, and credits.
 */
import { z } from 'zod';
import { moneySchema, textSchema } from './common.ts';
import { courseFormatSchema } from './format.ts';

export const refundTierSchema = z
  .strictObject({
    minDaysBefore: z
      .int()
      .nonnegative()
      .meta({ description: 'This tier applies to cancellations at least this many days before the first session.', examples: [14] }),
    outcome: z
      .enum(['refund', 'credit', 'none'])
      .meta({ description: 'What the registrant gets back.', examples: ['refund'] }),
    percent: z
      .number()
      .min(0)
      .max(100)
      .default(100)
      .meta({ description: 'Share of the price refunded or credited, in percent.', examples: [100] }),
    deductFee: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether the administrative fee is taken off.', examples: [true] }),
    creditValidMonths: z
      .int()
      .positive()
      .optional()
      .meta({ description: 'For a credit: how many months it stays valid.', examples: [12] }),
  })
  .meta({ description: 'One tier of the policy.' });

export const cancellationFeeSchema = z
  .strictObject({
    label: textSchema.meta({ description: 'What the fee is for, as the policy words it.', examples: ['online course'] }),
    fixed: moneySchema.optional().meta({ description: 'A fixed fee.' }),
    percent: z.number().min(0).max(100).optional().meta({ description: 'A fee as a percentage of the price.', examples: [10] }),
    formats: z
      .array(courseFormatSchema)
      .min(1)
      .optional()
      .meta({ description: 'Formats this fee applies to; all when left out.', examples: [['live-online']] }),
    days: z
      .int()
      .positive()
      .optional()
      .meta({ description: 'Course length in days (distinct session dates) this fee applies to.', examples: [2] }),
  })
  .meta({ description: 'An administrative fee.' });

export const policySchema = z
  .strictObject({
    name: textSchema.meta({ description: 'Name of the policy.', examples: ['Refund and cancellation policy'] }),
    appliesTo: z
      .array(courseFormatSchema)
      .min(1)
      .meta({ description: 'Course formats the policy covers.', examples: [['live-online', 'in-person']] }),
    dayCounting: z
      .enum(['calendar', 'business'])
      .default('calendar')
      .meta({ description: 'Whether days are calendar days or business days (Monday to Friday).', examples: ['calendar'] }),
    tiers: z
      .array(refundTierSchema)
      .min(1)
      .meta({ description: 'Tiers, from the earliest cancellation to the latest.' }),
    fees: z.array(cancellationFeeSchema).default([]).meta({ description: 'Administrative fees, first match wins.' }),
    intro: textSchema.optional().meta({ description: 'A short opening line.', examples: ['We understand, sometimes things come up!'] }),
    text: textSchema.meta({ description: 'The policy text as published.' }),
  })
  .meta({ description: 'A refund and cancellation policy.' });

export type RefundTier = z.infer<typeof refundTierSchema>;
export type CancellationFee = z.infer<typeof cancellationFeeSchema>;
export type Policy = z.infer<typeof policySchema>;
