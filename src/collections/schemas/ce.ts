/**
 * The vocabulary of CE credit shared by boards, sponsors and courses: the units bodies count
 * credit in, the categories boards count apart, and the promotional items a body requires a
 * course page to state (see ../shared/REGULATORS.md for who requires what).
 */
import { z } from 'zod';
import { isoDateSchema, referenceTo, textSchema } from './common.ts';
import { courseFormatSchema } from './format.ts';

export const CREDIT_UNITS = [
  'hours',
  'CEUs',
  'contact hours',
  'AMA PRA Category 1 Credits',
] as const;
export type CreditUnit = (typeof CREDIT_UNITS)[number];

export const creditUnitSchema = z.enum(CREDIT_UNITS).meta({
  description:
    'The unit a body counts credit in (ASHA: 0.1 CEU = 1 hour; ANCC: contact hours; physicians: AMA PRA Category 1 Credits).',
  examples: ['hours'],
});

export const CE_CATEGORIES = [
  'general',
  'ethics',
  'cultural-competence',
  'professional-boundaries',
  'suicide-prevention',
  'supervision',
] as const;
export const CE_DELIVERIES = ['live', 'live-interactive-webinar', 'home-study'] as const;

/** The promotional items a body may require a course page to state. */
export const PROMOTIONAL_ITEMS = [
  'learning-objectives',
  'audience-and-level',
  'schedule',
  'credit',
  'cost',
  'refund-policy',
  'instructor-credentials',
  'approval-statement',
  'provider-number',
  'disclosures',
  'commercial-support',
  'completion-requirements',
  'grievance-procedure',
  'enduring-material-dates',
] as const;
export type PromotionalItem = (typeof PROMOTIONAL_ITEMS)[number];

export const requirementSchema = z
  .strictObject({
    item: z
      .enum(PROMOTIONAL_ITEMS)
      .meta({ description: 'What a course page must state.', examples: ['cost'] }),
    source: textSchema.meta({
      description: 'Where the body says so, so an editor can read the rule.',
      examples: ['apa.org/ed/sponsor/about/faq'],
    }),
    formats: z
      .array(courseFormatSchema)
      .min(1)
      .optional()
      .meta({
        description:
          'The course formats the rule applies to, when not all (NBCC asks completion requirements of home study).',
        examples: [['on-demand']],
      }),
  })
  .meta({ description: 'One promotional item the body requires, with its source.' });

export const approvalPeriodFields = {
  validFrom: isoDateSchema
    .optional()
    .meta({ description: 'First day of the approval.', examples: ['2020-01-01'] }),
  validUntil: isoDateSchema.optional().meta({
    description: 'Last day of the approval; a course after it cannot claim it.',
    examples: ['2025-12-31'],
  }),
};

/** One organisation's approval by one body: what a sponsor file lists under `approvals`. */
export const providerApprovalSchema = z
  .strictObject({
    board: referenceTo('boards', 'apa'),
    providerNumber: textSchema.optional().meta({
      description: 'The provider number the body issued, where it issues one.',
      examples: ['ACEP No. 6759'],
    }),
    ...approvalPeriodFields,
    statement: textSchema.optional().meta({
      description:
        'The approval statement as the body words it, naming this organisation. Left out, the body’s `statementTemplate` is used.',
      examples: [
        'Institute for Better Health, Inc is approved by the American Psychological Association (APA) to offer continuing education for psychologists.',
      ],
    }),
  })
  .meta({ description: 'This organisation is approved by this body.' });

export type ProviderApproval = z.infer<typeof providerApprovalSchema>;

/** Joint Accreditation: one accreditation by ACCME, ACPE and ANCC together, with one statement. */
export const jointAccreditationSchema = z
  .strictObject({
    boards: z
      .array(referenceTo('boards', 'accme'))
      .min(2)
      .meta({
        description:
          'The bodies the accreditation covers, as board files (ACCME, ANCC, ACPE…); a course claims each of them in `approvals` with its own credit and designation statement.',
        examples: [['accme', 'ancc']],
      }),
    providerNumber: textSchema.optional().meta({
      description: 'The Joint Accreditation provider number, where the content gives one.',
      examples: ['JA0000000'],
    }),
    ...approvalPeriodFields,
    statement: textSchema.meta({
      description:
        'The Joint Accreditation statement, printed once above the bodies’ designation statements: it begins “In support of improving patient care,” and names this organisation.',
      examples: [
        'In support of improving patient care, Harbour Training Institute is jointly accredited by the Accreditation Council for Continuing Medical Education (ACCME), the Accreditation Council for Pharmacy Education (ACPE), and the American Nurses Credentialing Center (ANCC), to provide continuing education for the healthcare team.',
      ],
    }),
  })
  .meta({
    description:
      'This organisation is jointly accredited (ACCME, ACPE, ANCC): one statement for every body it covers.',
  });

export type JointAccreditation = z.infer<typeof jointAccreditationSchema>;
