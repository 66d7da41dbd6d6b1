/** US states and DC by their postal codes: where a licensing board accepts (or refuses) a body's credit. */
import { z } from 'zod';

export const US_JURISDICTIONS = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
} as const;

export type Jurisdiction = keyof typeof US_JURISDICTIONS;
export const JURISDICTION_CODES = Object.keys(US_JURISDICTIONS) as Jurisdiction[];

export const jurisdictionSchema = z
  .enum(JURISDICTION_CODES as [Jurisdiction, ...Jurisdiction[]])
  .meta({ description: 'A US state (or DC) by its two-letter postal code.', examples: ['NY'] });

export const jurisdictionsSchema = z
  .strictObject({
    accepted: z
      .array(jurisdictionSchema)
      .default([])
      .meta({
        description:
          'States whose licensing boards accept this body’s credit, as a source states it.',
        examples: [['NY']],
      }),
    notAccepted: z
      .array(jurisdictionSchema)
      .default([])
      .meta({
        description: 'States whose licensing boards do not accept it.',
        examples: [['NY', 'NJ', 'NC', 'WV']],
      }),
    source: z
      .string()
      .trim()
      .min(1)
      .meta({
        description: 'Where that is stated, so a reader or auditor can check it.',
        examples: ['socialworkers.org, CE Approval Program'],
      }),
  })
  .meta({
    description: 'Where licensing boards accept this body’s credit, when a source says so.',
  });
