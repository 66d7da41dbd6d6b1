/**
 * A course: the frontmatter of a Markdown or MDX file in content/courses/. The body of the
 * file is the course description. Rules that involve several fields (session order, CE hours
 * against the schedule, references to other files) live in src/collections/validation/course-rules.ts.
 */
import { z } from 'zod';
import { isoDateSchema, referenceTo, slugSchema, textSchema } from './common.ts';
import { approvalPeriodFields, CE_CATEGORIES, CE_DELIVERIES, creditUnitSchema } from './ce.ts';
import { readingSchema } from './reading.ts';
import { offeringFields, offeringSchema, type Venue } from './offering.ts';

export const LEVELS = ['introductory', 'beginner', 'intermediate', 'advanced'] as const;
export { CE_CATEGORIES, CE_DELIVERIES };

const categorySchema = z
  .enum(CE_CATEGORIES)
  .meta({ description: 'What the hours count as.', examples: ['ethics'] });
const deliverySchema = z
  .enum(CE_DELIVERIES)
  .meta({ description: 'How the hours are earned.', examples: ['live'] });

export const ceHoursPartSchema = z
  .strictObject({
    hours: z
      .number()
      .positive()
      .multipleOf(0.25)
      .meta({ description: 'Hours in this part.', examples: [6] }),
    category: categorySchema,
    delivery: deliverySchema,
  })
  .meta({ description: 'A part of the CE hours, by category and delivery.' });

export const creditPartSchema = z
  .strictObject({
    amount: z
      .number()
      .positive()
      .meta({ description: 'Credit in this part, in the credit’s unit.', examples: [3] }),
    category: categorySchema.optional(),
    delivery: deliverySchema.optional(),
  })
  .meta({
    description: 'A part of a body’s credit that boards count apart, such as 3 hours of ethics.',
  });

export const creditSchema = z
  .strictObject({
    amount: z
      .number()
      .positive()
      .meta({ description: 'The credit this body gives, in its unit.', examples: [0.8] }),
    unit: creditUnitSchema.optional().meta({
      description: 'The unit; the board’s `creditUnit` when left out.',
      examples: ['CEUs'],
    }),
    parts: z
      .array(creditPartSchema)
      .min(1)
      .optional()
      .meta({ description: 'How the credit splits into categories; must add up to `amount`.' }),
  })
  .meta({
    description: 'The credit one body gives for this course, when it differs from `ceHours`.',
  });

export const courseApprovalSchema = z
  .strictObject({
    number: textSchema.optional().meta({
      description: 'The approval number the body gave this course.',
      examples: ['886 123456'],
    }),
    ...approvalPeriodFields,
    statement: textSchema
      .optional()
      .meta({ description: 'The approval statement for this course, as the body words it.' }),
  })
  .meta({
    description:
      'The course’s own approval by the body, rather than a sponsor’s; `{}` when the source says only that the course is approved.',
  });

export const approvalSchema = z
  .strictObject({
    board: referenceTo('boards', 'apa'),
    sponsor: referenceTo('sponsors', 'institute-for-better-health')
      .optional()
      .meta({
        description:
          'The sponsor whose approval by this body gives the credit; needed only when several sponsors hold one.',
        examples: ['institute-for-better-health'],
      }),
    courseApproval: courseApprovalSchema.optional(),
    credit: creditSchema.optional(),
    designation: textSchema.optional().meta({
      description:
        'The credit designation statement for this body and course, naming its amount (Joint Accreditation: the AMA PRA Category 1 Credit™ statement for physicians, contact hours for nurses). Left out, the board’s `designationTemplate` is used.',
      examples: [
        'Harbour Training Institute designates this live activity for a maximum of 6.0 AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.',
      ],
    }),
    note: textSchema
      .optional()
      .meta({ description: 'A note on this approval for this course only.' }),
  })
  .meta({
    description:
      'A CE approval: the board, through a sponsor’s approval or the course’s own, and the credit.',
  });

export const relationshipSchema = z
  .strictObject({
    company: textSchema.meta({
      description:
        'The ineligible company (one whose business is health-care products used on patients).',
      examples: ['Example Pharma, Inc.'],
    }),
    nature: textSchema.meta({
      description: 'The nature of the relationship.',
      examples: ['Consultant'],
    }),
    // A boolean, not `true` only, so that `false` meets the rule's own message
    // (validation/disclosure-rules.ts) rather than a bare "invalid value".
    mitigated: z.boolean().meta({
      description:
        'Whether the relationship was mitigated before the course; `false` is refused, since a relevant financial relationship must be mitigated before the activity (ACCME Standard 3).',
      examples: [true],
    }),
  })
  .meta({ description: 'One relevant financial relationship.' });

export const disclosureSchema = z
  .strictObject({
    instructor: referenceTo('instructors', 'leslie-becker-phelps')
      .optional()
      .meta({
        description:
          'The instructor this disclosure is for (or give `name` for a planner who does not teach).',
        examples: ['leslie-becker-phelps'],
      }),
    name: textSchema.optional().meta({
      description: 'The name of a planner or reviewer who is not an instructor.',
      examples: ['Jordan Lee'],
    }),
    // No default: Decap fills a new list with one item when a field inside it has a default.
    role: z
      .enum(['instructor', 'planner', 'reviewer'])
      .optional()
      .meta({
        description:
          'Their part in the course; an instructor when left out for an instructor, a planner for a name.',
        examples: ['planner'],
      }),
    relationships: z.union([z.literal('none'), z.array(relationshipSchema).min(1)]).meta({
      description:
        'Their relevant financial relationships, or `none`: a statement for this person, never a blanket line.',
      examples: ['none'],
    }),
  })
  .meta({ description: 'One person’s financial disclosure.' });

export const commercialSupportSchema = z
  .strictObject({
    company: textSchema.meta({
      description: 'Who gave the support.',
      examples: ['Example Foundation'],
    }),
    kind: textSchema
      .optional()
      .meta({ description: 'What kind of support.', examples: ['Educational grant'] }),
  })
  .meta({ description: 'One commercial supporter.' });

export const disclosuresSchema = z
  .strictObject({
    people: z
      .array(disclosureSchema)
      .min(1)
      .meta({ description: 'One entry for every instructor and every planner of the course.' }),
    commercialSupport: z
      .union([z.literal('none'), z.array(commercialSupportSchema).min(1)])
      .optional()
      .meta({ description: 'Who gave commercial support, or `none`.', examples: ['none'] }),
  })
  .meta({ description: 'Financial disclosures, shown before the registration point.' });

export const completionSchema = z
  .strictObject({
    fullAttendance: z
      .boolean()
      .optional()
      .meta({
        description: 'Whether attendance of every session is required (no partial credit).',
        examples: [true],
      }),
    evaluation: z
      .boolean()
      .optional()
      .meta({ description: 'Whether a course evaluation must be completed.', examples: [true] }),
    test: z
      .strictObject({
        passingScore: z
          .number()
          .min(0)
          .max(100)
          .meta({ description: 'The passing score, in percent.', examples: [80] }),
        attempts: z
          .int()
          .positive()
          .optional()
          .meta({ description: 'How many attempts are allowed.', examples: [2] }),
      })
      .optional()
      .meta({ description: 'The post-test, for home study.' }),
    certificate: textSchema.optional().meta({
      description: 'How and when the certificate is issued.',
      examples: ['Emailed within 2 weeks of the course.'],
    }),
    releaseDate: isoDateSchema.optional().meta({
      description: 'On-demand courses: the date the material was released.',
      examples: ['2024-01-15'],
    }),
    creditEndsOn: isoDateSchema.optional().meta({
      description: 'On-demand courses: the last day credit is given.',
      examples: ['2027-01-14'],
    }),
  })
  .meta({ description: 'How credit is earned.' });

export const courseSchema = z
  .strictObject({
    title: textSchema.max(200).meta({
      description: 'The course title.',
      examples: ['Improving Treatment Effectiveness with Attachment Theory'],
    }),
    subtitle: textSchema.max(300).optional().meta({ description: 'A one-line subtitle.' }),
    summary: textSchema.max(160).meta({
      description:
        'One or two sentences for search results and link previews (at most 160 characters).',
    }),
    slug: slugSchema.optional().meta({
      description: 'URL slug; the file name is used when left out.',
      examples: ['attachment-theory'],
    }),
    previousSlugs: z
      .array(slugSchema)
      .default([])
      .meta({
        description:
          'Slugs the course was published under before it was renamed. Each old address (`/courses/<old>/`) keeps working: a 301 in `_redirects` (Netlify, Cloudflare Pages) and a redirect page for other hosts. No other course may use one as its slug.',
        examples: [['attachment-theory-2020']],
      }),
    replaces: referenceTo('courses', 'attachment-theory-2020')
      .optional()
      .meta({
        description:
          'The course this one takes the place of, when both say the same thing (the check otherwise refuses a repeat).',
        examples: ['attachment-theory-2020'],
      }),
    draft: z
      .boolean()
      .default(false)
      .meta({
        description: 'Drafts are previewed in development and never published.',
        examples: [false],
      }),
    publishDate: isoDateSchema.optional().meta({
      description: 'The course is left out of production builds before this date.',
      examples: ['2020-09-01'],
    }),
    instructors: z
      .array(referenceTo('instructors', 'leslie-becker-phelps'))
      .min(1)
      .meta({ description: 'Who teaches it.' }),
    // A course given once states its offering here; one given more often lists `offerings`.
    ...offeringFields,
    format: offeringFields.format.optional().meta({
      description:
        'How the course is delivered; given in each offering instead when the course lists `offerings`.',
      examples: ['live-online'],
    }),
    offerings: z.array(offeringSchema).min(1).optional().meta({
      description:
        'The times the course is given, when more than one; each has its own format, dates, prices and registration.',
    }),
    ceHours: z
      .number()
      .positive()
      .multipleOf(0.25)
      .meta({ description: 'CE hours awarded.', examples: [8] }),
    ceHoursBreakdown: z.array(ceHoursPartSchema).min(1).optional().meta({
      description: 'How the hours split by category and delivery; must add up to ceHours.',
    }),
    ceHoursNote: textSchema
      .optional()
      .meta({ description: 'Why the CE hours differ from the scheduled hours, when they do.' }),
    audience: textSchema.meta({
      description: 'Who the course is for.',
      examples: ['Mental health professionals'],
    }),
    levels: z
      .array(z.enum(LEVELS))
      .min(1)
      .meta({ description: 'Levels the course suits.', examples: [['beginner', 'intermediate']] }),
    topics: z
      .array(textSchema.max(60))
      .min(1)
      .meta({ description: 'Topics, for browsing and search.', examples: [['Attachment theory']] }),
    objectives: z
      .strictObject({
        leadIn: textSchema.meta({
          description: 'The sentence before the list.',
          examples: ['Participants will be able to:'],
        }),
        items: z
          .array(textSchema)
          .min(1)
          .meta({ description: 'The learning objectives, in order.' }),
      })
      .meta({ description: 'Learning objectives with their lead-in.' }),
    approvals: z
      .array(approvalSchema)
      .min(1)
      .meta({ description: 'CE approvals, in the order to show them.' }),
    disclosures: disclosuresSchema.optional(),
    completion: completionSchema.optional(),
    sponsors: z
      .array(referenceTo('sponsors', 'praxis-cet'))
      .min(1)
      .meta({ description: 'Joint sponsors.' }),
    readings: z.array(readingSchema).default([]).meta({ description: 'Recommended reading.' }),
    refundPolicy: referenceTo('policies', 'standard-refund').meta({
      description: 'The refund and cancellation policy that applies.',
    }),
  })
  .meta({ description: 'A course. The Markdown body is the course description.' });

export type Course = z.infer<typeof courseSchema>;
export type CourseInput = z.input<typeof courseSchema>;
export type Approval = z.infer<typeof approvalSchema>;
export type Disclosures = z.infer<typeof disclosuresSchema>;
export type Completion = z.infer<typeof completionSchema>;
export type { Venue };
export type Level = (typeof LEVELS)[number];
