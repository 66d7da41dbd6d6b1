/**
 * Writes a synthetic but realistic content folder for benchmarks and tests: `count` courses
 * plus the instructors, boards, sponsors, policies and site.yaml they refer to. The output
 * passes `npm run check` and is a pure function of (count, seed): one seeded PRNG drives
 * every choice, and nothing reads the clock or Math.random.
 *
 *   npx node scripts/bench/generate-content.ts --count 1000 --out .bench/content-1000 --seed 1
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { boardSchema } from '../../src/collections/schemas/board.ts';
import type { CourseInput } from '../../src/collections/schemas/course.ts';
import { LEVELS } from '../../src/collections/schemas/course.ts';
import type { CourseFormat } from '../../src/collections/schemas/format.ts';
import type { instructorSchema } from '../../src/collections/schemas/instructor.ts';
import type { policySchema } from '../../src/collections/schemas/policy.ts';
import type { readingSchema } from '../../src/collections/schemas/reading.ts';
import type { sessionSchema } from '../../src/collections/schemas/session.ts';
import type { siteSchema } from '../../src/collections/schemas/site.ts';
import type { sponsorSchema } from '../../src/collections/schemas/sponsor.ts';
import { slugify } from '../../src/domain/slug.ts';

type ReadingInput = z.input<typeof readingSchema>;
type SessionInput = z.input<typeof sessionSchema>;

export interface GenerateOptions {
  /** The content folder to write; replaced if it was written by this generator before. */
  dir: string;
  count: number;
  seed: number;
  /** Shared pools; the defaults give a realistic amount of cross-referencing. */
  instructors?: number;
  topics?: number;
  boards?: number;
}

export interface GenerateSummary {
  dir: string;
  courses: number;
  instructors: number;
  boards: number;
  topics: number;
  files: number;
}

/**
 * Marks a folder as ours, so that a mistyped --out (such as `content`) is refused instead of
 * being wiped. It sits at the top of the folder, where the content loader never looks.
 */
const MARKER = '.generated-by-bench';

// ---------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast and good enough for picking words; the same seed gives the same stream. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let index = pool.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.next() * (index + 1));
      [pool[index], pool[other]] = [pool[other] as T, pool[index] as T];
    }
    return pool.slice(0, Math.min(count, pool.length));
  }
}

// ---------------------------------------------------------------------------------------
// Vocabulary. Kept in the domain (CE for mental-health professionals) so that Markdown
// rendering and the search index see text shaped like the real thing.

const TOPICS = [
  'Attachment theory',
  'Self-compassion',
  'Affect regulation',
  'Mentalizing',
  'Treatment resistance',
  'Trauma-informed care',
  'Cognitive behavioral therapy',
  'Dialectical behavior therapy',
  'Acceptance and commitment therapy',
  'EMDR',
  'Motivational interviewing',
  'Couples therapy',
  'Family systems',
  'Grief and loss',
  'Substance use',
  'Adolescent development',
  'Play therapy',
  'Suicide risk assessment',
  'Clinical supervision',
  'Professional ethics',
  'Cultural humility',
  'Mindfulness',
  'Anxiety disorders',
  'Depression',
  'Obsessive-compulsive disorder',
  'Eating disorders',
  'Posttraumatic stress',
  'Personality disorders',
  'Psychopharmacology basics',
  'Sleep and insomnia',
  'Telehealth practice',
  'Neurodiversity',
  'Chronic pain',
  'Perinatal mental health',
  'Older adults',
  'LGBTQ+ affirming care',
  'Shame',
  'Emotion-focused therapy',
  'Internal family systems',
  'Somatic approaches',
  'Burnout prevention',
  'Measurement-based care',
] as const;

const POPULATIONS = [
  'adults',
  'adolescents',
  'couples',
  'families',
  'older adults',
  'college students',
  'veterans',
  'new parents',
  'children',
  'first responders',
  'clients in recovery',
  'people living with chronic illness',
];
const CONDITIONS = [
  'depression',
  'generalized anxiety',
  'complex trauma',
  'panic',
  'obsessive-compulsive symptoms',
  'disordered eating',
  'substance use',
  'prolonged grief',
  'insomnia',
  'chronic shame',
  'emotion dysregulation',
  'relationship distress',
];
const SKILLS = [
  'build a collaborative case formulation',
  'structure the first three sessions',
  'repair ruptures in the therapeutic alliance',
  'teach emotion-regulation skills',
  'assess risk and plan for safety',
  'set goals that clients can own',
  'track progress with brief measures',
  'work with ambivalence about change',
  'help clients notice and name their emotions',
  'adapt interventions for telehealth',
  'involve family members without losing the individual client',
  'end treatment well',
];
const SETTINGS = [
  'community mental health',
  'private practice',
  'integrated primary care',
  'university counseling centers',
  'inpatient units',
  'schools',
  'substance-use programs',
  'telehealth practice',
];
const APPROACHES = [
  'cognitive behavioral therapy',
  'acceptance and commitment therapy',
  'dialectical behavior therapy',
  'emotion-focused therapy',
  'attachment-based therapy',
  'motivational interviewing',
  'mentalization-based treatment',
  'compassion-focused therapy',
  'family systems work',
  'trauma-focused CBT',
];
const OUTCOMES = [
  'symptom severity',
  'day-to-day functioning',
  'treatment engagement',
  'relationship satisfaction',
  'self-compassion',
  'affect regulation',
  'quality of life',
  'retention in treatment',
];
const CHALLENGES = [
  'treatment resistance',
  'early dropout',
  'therapist burnout',
  'shame and self-criticism',
  'avoidance',
  'hopelessness',
  'mistrust of helpers',
  'comorbid substance use',
  'a crisis between sessions',
];
const TITLE_VERBS = ['Applying', 'Integrating', 'Understanding', 'Teaching', 'Using', 'Rethinking'];

const SENTENCES: readonly string[] = [
  'Clinicians working in {setting} often meet {population} whose {condition} does not respond to the usual first-line approaches.',
  'This course shows how {topic} can be used to {skill}, with close attention to {challenge}.',
  'Participants practise how to {skill} through role plays, short demonstrations and case discussion.',
  'Research over the past two decades suggests that {approach} improves {outcome} for {population}.',
  'We look closely at how {challenge} shows up in the first sessions and what a therapist can do about it.',
  'Each segment links theory to the practical decisions a clinician makes in {setting}.',
  'Case examples include {population} presenting with {condition}, and the adaptations that helped them.',
  'The material draws on {approach} and on years of supervising clinicians in {setting}.',
  'Attention is paid throughout to {challenge}, one of the most frequent reasons that treatment stalls.',
  'By the end of the course, participants will have a clear framework to {skill}.',
  'Measurement-based care is woven in, so that changes in {outcome} can be tracked from session to session.',
  'Cultural context matters: the course considers how identity, community and access to care shape {outcome}.',
  'Ethical questions about consent, documentation and scope of practice are discussed where they arise.',
  'Handouts summarise the key steps, and a worksheet helps participants plan how to bring {topic} to their own caseload.',
  'The approach is presented not as a rigid protocol but as a set of principles that fit alongside {approach}.',
  'Many {population} arrive after several attempts at therapy, carrying understandable doubts about whether anything will help.',
  'Small, concrete changes in how a session is structured can make a large difference to {outcome}.',
  'Video excerpts show the moment-to-moment choices a therapist makes when {challenge} appears.',
  'Throughout, the emphasis is on what the clinician can do on Monday morning with the clients already on their caseload.',
  'Questions from participants are welcome at any point, and time is set aside for discussion of difficult cases.',
];

const FIRST_NAMES = [
  'Leslie',
  'Amara',
  'Daniel',
  'Priya',
  'Marcus',
  'Helen',
  'Tomás',
  'Grace',
  'Kenji',
  'Ruth',
  'Samuel',
  'Naomi',
  'Arjun',
  'Fiona',
  'Omar',
  'Claire',
  'Jonah',
  'Mei',
  'Victor',
  'Sofia',
  'Elijah',
  'Hannah',
  'Rafael',
  'Ingrid',
  'Kwame',
];
const FAMILY_NAMES = [
  'Becker-Phelps',
  'Okafor',
  'Lindqvist',
  'Raman',
  'Delgado',
  'Fitzgerald',
  'Nakamura',
  'Abernathy',
  'Castellanos',
  'Whitfield',
  'Mensah',
  'Horvath',
  'Iyer',
  'MacLeod',
  'Haddad',
  'Sorensen',
  'Blackwood',
  'Chen',
  'Moreau',
  'Adeyemi',
  'Kowalski',
  'Brennan',
  'Sato',
  'Villanueva',
];
const CREDENTIALS = [
  'PhD',
  'PsyD',
  'LCSW',
  'LMFT',
  'LPC',
  'MD',
  'PhD, ABPP',
  'EdD',
  'MSW, LCSW',
  'DNP, PMHNP-BC',
];
const ROLES = [
  'Clinical psychologist and author',
  'Licensed clinical social worker in private practice',
  'Marriage and family therapist and clinical supervisor',
  'Psychiatrist and researcher',
  'Director of a community counseling center',
  'Trauma specialist and trainer',
  'Professor of counseling psychology',
  'Addiction medicine consultant',
];

const JOURNALS = [
  'Journal of Consulting and Clinical Psychology',
  'Psychotherapy',
  'Clinical Psychology Review',
  'Journal of Clinical Psychology',
  'Behaviour Research and Therapy',
  'Attachment & Human Development',
  'Journal of Marital and Family Therapy',
  'Current Psychiatry',
];
const PUBLISHERS: readonly (readonly [string, string])[] = [
  ['The Guilford Press', 'New York, NY'],
  ['New Harbinger Publications', 'Oakland, CA'],
  ['Oxford University Press', 'Oxford'],
  ['American Psychological Association', 'Washington, DC'],
  ['Routledge', 'New York, NY'],
  ['W. W. Norton & Company', 'New York, NY'],
  ['Cambridge University Press', 'Cambridge'],
];

/** Zones with DST changes at night (so 09:00-22:00 never falls in a gap) and two without. */
interface ZoneInfo {
  zone: string;
  currency: string;
  venue: CourseInput['venue'];
}
const ZONES: readonly ZoneInfo[] = [
  {
    zone: 'America/New_York',
    currency: 'USD',
    venue: {
      name: 'Midtown Conference Center',
      streetAddress: '250 West 40th Street',
      locality: 'New York',
      region: 'NY',
      postalCode: '10018',
      country: 'US',
    },
  },
  {
    zone: 'America/Chicago',
    currency: 'USD',
    venue: {
      name: 'Lakeside Learning Center',
      streetAddress: '180 North Wabash Avenue',
      locality: 'Chicago',
      region: 'IL',
      postalCode: '60601',
      country: 'US',
    },
  },
  {
    zone: 'America/Denver',
    currency: 'USD',
    venue: {
      name: 'Front Range Training Rooms',
      streetAddress: '1600 Broadway',
      locality: 'Denver',
      region: 'CO',
      postalCode: '80202',
      country: 'US',
    },
  },
  {
    zone: 'America/Los_Angeles',
    currency: 'USD',
    venue: {
      name: 'Westside Clinical Institute',
      streetAddress: '11000 Wilshire Boulevard',
      locality: 'Los Angeles',
      region: 'CA',
      postalCode: '90024',
      country: 'US',
    },
  },
  {
    zone: 'America/Phoenix',
    currency: 'USD',
    venue: {
      name: 'Desert Counseling Center',
      streetAddress: '2 North Central Avenue',
      locality: 'Phoenix',
      region: 'AZ',
      postalCode: '85004',
      country: 'US',
    },
  },
  {
    zone: 'Europe/London',
    currency: 'GBP',
    venue: {
      name: 'Tavistock Square Rooms',
      streetAddress: '12 Tavistock Square',
      locality: 'London',
      postalCode: 'WC1H 9JP',
      country: 'GB',
    },
  },
  {
    zone: 'Europe/Berlin',
    currency: 'EUR',
    venue: {
      name: 'Haus der Psychotherapie',
      streetAddress: 'Friedrichstraße 95',
      locality: 'Berlin',
      postalCode: '10117',
      country: 'DE',
    },
  },
  {
    zone: 'Australia/Sydney',
    currency: 'AUD',
    venue: {
      name: 'Harbourside Learning Hub',
      streetAddress: '1 Macquarie Street',
      locality: 'Sydney',
      region: 'NSW',
      postalCode: '2000',
      country: 'AU',
    },
  },
  {
    zone: 'Pacific/Auckland',
    currency: 'NZD',
    venue: {
      name: 'Waitematā Training Centre',
      streetAddress: '20 Customs Street East',
      locality: 'Auckland',
      postalCode: '1010',
      country: 'NZ',
    },
  },
  {
    zone: 'Asia/Kolkata',
    currency: 'INR',
    venue: {
      name: 'Park Street Wellness Institute',
      streetAddress: '17 Park Street',
      locality: 'Kolkata',
      region: 'WB',
      postalCode: '700016',
      country: 'IN',
    },
  },
];

// The bodies' own wording (../shared/REGULATORS.md), with the organisation filled in per approval.
const APA_TEMPLATE =
  '{organization} is approved by the American Psychological Association to sponsor continuing education for psychologists. {organization} maintains responsibility for this program and its content.';
const NBCC_TEMPLATE =
  '{organization} has been approved by NBCC as an Approved Continuing Education Provider, ACEP No. {providerNumber}. Programs that do not qualify for NBCC credit are clearly identified. {organization} is solely responsible for all aspects of the programs.';

const BOARDS: readonly (readonly [string, z.input<typeof boardSchema>])[] = [
  [
    'apa',
    {
      code: 'APA',
      fullName: 'American Psychological Association',
      professions: ['Psychologists'],
      statementTemplate: APA_TEMPLATE,
    },
  ],
  [
    'nbcc',
    {
      code: 'NBCC',
      fullName: 'National Board for Certified Counselors',
      professions: ['National Counselors'],
      statementTemplate: NBCC_TEMPLATE,
    },
  ],
  [
    'naadac',
    {
      code: 'NAADAC',
      fullName: 'NAADAC, the Association for Addiction Professionals',
      professions: ['Drug & Alcohol Counselors'],
    },
  ],
  [
    'ny-state',
    {
      code: 'NY State',
      fullName: 'New York State',
      professions: ['Counselors', 'Social Workers'],
      jurisdictions: { accepted: ['NY'], source: 'The approval is New York State’s own' },
    },
  ],
  [
    'other-state',
    {
      code: 'Other State Level',
      fullName: 'Other state-level boards',
      professions: ['Counselors', 'MFTs', 'Social Workers'],
    },
  ],
  ['wespsb', { code: 'WESPSB', professions: ['Educators'] }],
  [
    'accme',
    {
      code: 'ACCME',
      fullName: 'Accreditation Council for Continuing Medical Education',
      professions: ['Physicians'],
    },
  ],
  [
    'ancc',
    { code: 'ANCC', fullName: 'American Nurses Credentialing Center', professions: ['Nurses'] },
  ],
  [
    'aswb',
    {
      code: 'ASWB ACE',
      fullName: 'Association of Social Work Boards',
      professions: ['Social Workers'],
    },
  ],
  [
    'camft',
    {
      code: 'CAMFT',
      fullName: 'California Association of Marriage and Family Therapists',
      professions: ['LMFTs', 'LPCCs', 'LEPs', 'LCSWs'],
    },
  ],
  [
    'nasw',
    {
      code: 'NASW',
      fullName: 'National Association of Social Workers',
      professions: ['Social Workers'],
      jurisdictions: {
        notAccepted: ['NY', 'NJ', 'NC', 'WV'],
        source: 'socialworkers.org, CE Approval Program, board endorsements',
      },
    },
  ],
  [
    'ca-bbs',
    {
      code: 'CA BBS',
      fullName: 'California Board of Behavioral Sciences',
      professions: ['LMFTs', 'LCSWs', 'LPCCs'],
    },
  ],
];

const SPONSORS: readonly (readonly [string, z.input<typeof sponsorSchema>])[] = [
  [
    'praxis-cet',
    {
      name: 'Praxis CET',
      approvals: [
        { board: 'nbcc', providerNumber: '9999' },
        { board: 'aswb', providerNumber: '1999' },
      ],
    },
  ],
  [
    'institute-for-better-health',
    { name: 'Institute for Better Health', shortName: 'IBH', approvals: [{ board: 'apa' }] },
  ],
  [
    'northside-counseling-collaborative',
    { name: 'Northside Counseling Collaborative', url: 'https://www.example.org/northside' },
  ],
  [
    'pacific-clinical-training',
    { name: 'Pacific Clinical Training', shortName: 'PCT', url: 'https://www.example.org/pct' },
  ],
];

/** Which policy may serve which format: every format is covered by at least one. */
const POLICIES: readonly (readonly [string, z.input<typeof policySchema>])[] = [
  [
    'praxis-refund',
    {
      name: 'Refund and cancellation policy',
      appliesTo: ['in-person', 'hybrid', 'live-online'],
      dayCounting: 'calendar',
      tiers: [
        { minDaysBefore: 14, outcome: 'refund', percent: 100, deductFee: true },
        { minDaysBefore: 0, outcome: 'credit', percent: 100, creditValidMonths: 12 },
      ],
      fees: [
        {
          label: 'online course',
          fixed: { amount: 30, currency: 'USD' },
          formats: ['live-online'],
        },
        {
          label: '2-day workshop',
          fixed: { amount: 30, currency: 'USD' },
          formats: ['in-person', 'hybrid'],
          days: 2,
        },
        {
          label: '4-day workshop',
          fixed: { amount: 50, currency: 'USD' },
          formats: ['in-person', 'hybrid'],
          days: 4,
        },
      ],
      intro: 'We understand, sometimes things come up!',
      text: 'A full refund up to 14 days before the start date, minus an administrative fee of $30 for a 2-day workshop or online course and $50 for a 4-day workshop. Within 14 days, a credit for the same amount toward another learning product, valid for one year.',
    },
  ],
  [
    'workshop-business-days',
    {
      name: 'Workshop cancellation policy',
      appliesTo: ['in-person', 'hybrid'],
      dayCounting: 'business',
      tiers: [
        { minDaysBefore: 10, outcome: 'refund', percent: 100, deductFee: true },
        { minDaysBefore: 3, outcome: 'refund', percent: 50 },
        { minDaysBefore: 0, outcome: 'none', percent: 0 },
      ],
      fees: [{ label: 'processing fee', percent: 10 }],
      text: 'Cancel at least 10 business days before the first session for a full refund less a 10% processing fee, or at least 3 business days before for half the price. No refund after that.',
    },
  ],
  [
    'on-demand-access',
    {
      name: 'On-demand course refund policy',
      appliesTo: ['on-demand'],
      dayCounting: 'calendar',
      tiers: [
        {
          withinDays: 30,
          outcome: 'credit',
          percent: 100,
          deductFee: true,
          creditValidMonths: 6,
          condition: 'if no certificate has been issued',
        },
        { outcome: 'none' },
      ],
      fees: [
        {
          name: 'exchange fee',
          label: 'on-demand course',
          fixed: { amount: 15, currency: 'USD' },
          formats: ['on-demand'],
        },
      ],
      text: 'Within 30 days of purchase, and until the certificate has been issued, on-demand courses can be exchanged for a credit toward another course, less a $15 exchange fee. No refunds.',
    },
  ],
];

const FORMATS: readonly CourseFormat[] = [
  'live-online',
  'live-online',
  'live-online',
  'in-person',
  'hybrid',
  'on-demand',
];

// ---------------------------------------------------------------------------------------
// Text

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const titleCase = (text: string) =>
  text.replace(/\b([a-z])([a-z]*)/g, (word, first: string, rest: string) =>
    ['and', 'or', 'for', 'of', 'in', 'with', 'the', 'to', 'a', 'on'].includes(word)
      ? word
      : first.toUpperCase() + rest,
  );

/** A topic inside a sentence: lower case, except for acronyms such as EMDR. */
const inText = (topic: string) => (/^[A-Z]{2}/.test(topic) ? topic : topic.toLowerCase());

/** Words as a reader counts them: tokens with a letter or digit (Markdown and table rules excluded). */
export function countWords(markdown: string): number {
  return markdown.split(/\s+/).filter((token) => /[\p{Letter}\p{Number}]/u.test(token)).length;
}

function sentence(random: Random, topic: string): string {
  return random.pick(SENTENCES).replace(/\{(\w+)\}/g, (_match, slot: string) => {
    switch (slot) {
      case 'topic':
        return inText(topic);
      case 'population':
        return random.pick(POPULATIONS);
      case 'condition':
        return random.pick(CONDITIONS);
      case 'skill':
        return random.pick(SKILLS);
      case 'setting':
        return random.pick(SETTINGS);
      case 'approach':
        return random.pick(APPROACHES);
      case 'outcome':
        return random.pick(OUTCOMES);
      case 'challenge':
        return random.pick(CHALLENGES);
      default:
        throw new Error(`unknown slot ${slot}`);
    }
  });
}

function paragraph(random: Random, topic: string, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random, topic)).join(' ');
}

function objective(random: Random): string {
  switch (random.int(0, 3)) {
    case 0:
      return `${random.pick(['Describe', 'Explain', 'Assess'])} how ${random.pick(CHALLENGES)} affects ${random.pick(OUTCOMES)} in ${random.pick(POPULATIONS)}.`;
    case 1:
      return `${random.pick(['Identify', 'Describe', 'Demonstrate'])} at least three ways to ${random.pick(SKILLS)}.`;
    case 2:
      return `${random.pick(['Explain', 'Apply', 'Compare'])} the core principles of ${random.pick(APPROACHES)} as they apply to ${random.pick(CONDITIONS)}.`;
    default:
      return `${random.pick(['Use', 'Evaluate', 'Apply', 'Distinguish'])} strategies for working with ${random.pick(CHALLENGES)} in ${random.pick(SETTINGS)}.`;
  }
}

/** The course description: headings, paragraphs, a bulleted and a numbered list and a table, 600-1,200 words. */
function courseBody(random: Random, topic: string, objectives: readonly string[]): string {
  const target = random.int(640, 1120);
  const parts: string[] = [
    paragraph(random, topic, random.int(4, 6)),
    paragraph(random, topic, random.int(3, 5)),
    '## What this course covers',
    objectives
      .slice(0, random.int(3, objectives.length))
      .map((item) => `- ${item}`)
      .join('\n'),
    '## Course outline',
    [
      '| Part | Focus | Format |',
      '| --- | --- | --- |',
      ...Array.from(
        { length: random.int(3, 6) },
        (_unused, index) =>
          `| ${index + 1} | ${capitalize(random.pick(SKILLS))} | ${random.pick(['Lecture and discussion', 'Demonstration', 'Small-group practice', 'Case consultation', 'Experiential exercise'])} |`,
      ),
    ].join('\n'),
    '## How the course is taught',
    paragraph(random, topic, random.int(3, 5)),
    Array.from(
      { length: random.int(3, 5) },
      (_unused, index) =>
        `${index + 1}. **${capitalize(random.pick(SKILLS))}.** ${sentence(random, topic)}`,
    ).join('\n'),
    '## Why it matters in practice',
  ];
  // Fill to the target a paragraph at a time, ending the last paragraph early once it is reached.
  let words = countWords(parts.join('\n\n'));
  while (words < target) {
    const sentences: string[] = [];
    const length = random.int(3, 6);
    for (let index = 0; index < length && words < target; index += 1) {
      const next = sentence(random, topic);
      sentences.push(next);
      words += countWords(next);
    }
    parts.push(sentences.join(' '));
  }
  return `\n${parts.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// Schedules

/** Local dates on which each zone changes its clocks, 2024 to 2026; empty for zones without DST. */
function transitionDates(zone: string): string[] {
  const dates: string[] = [];
  let cursor: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({
    timeZone: zone,
    year: 2024,
    month: 1,
    day: 1,
  });
  while (cursor) {
    cursor = cursor.getTimeZoneTransition('next');
    if (!cursor || cursor.year > 2026) break;
    dates.push(cursor.toPlainDate().toString());
  }
  return dates;
}
const transitionsByZone = new Map(ZONES.map(({ zone }) => [zone, transitionDates(zone)]));

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * 1-8 sessions on increasing dates. Where the zone has DST, most multi-session courses
 * straddle a change of clocks (one session before it, the next on or after it). Every time
 * lies between 09:00 and 22:00, far from the changes at 01:00-03:00, so none is skipped or
 * repeated, and the scheduled hours are simply the wall-clock differences.
 */
function schedule(
  random: Random,
  zone: string,
  format: CourseFormat,
): { sessions: SessionInput[]; minutes: number } {
  const count = format === 'in-person' ? random.int(1, 4) : random.int(1, 8);
  const spacing =
    format === 'in-person' || (format === 'hybrid' && random.chance(0.5))
      ? 1
      : random.pick([7, 7, 7, 14]);
  const transitions = transitionsByZone.get(zone) ?? [];
  let first: Temporal.PlainDate;
  if (count >= 2 && transitions.length > 0 && random.chance(0.85)) {
    // Session `after` is the first on or after the change; the one before it falls before.
    const change = Temporal.PlainDate.from(random.pick(transitions));
    const after = random.int(1, count - 1);
    first = change.subtract({ days: after * spacing - random.int(0, spacing - 1) });
  } else {
    first = Temporal.PlainDate.from('2024-02-01').add({ days: random.int(0, 1000) });
  }
  const long = spacing === 1;
  const duration = 15 * (long ? random.int(16, 28) : random.int(4, 12));
  const startMinutes = Math.min(
    60 * random.int(9, long ? 10 : 18) + random.pick([0, 0, 0, 30, 30, 15, 45]),
    22 * 60 - duration,
  );
  const sessions: SessionInput[] = [];
  let minutes = 0;
  for (let index = 0; index < count; index += 1) {
    const date = first.add({ days: index * spacing }).toString();
    // Workshops sometimes end early on the last day; weekly classes keep their slot.
    const length = long && index === count - 1 && random.chance(0.3) ? duration - 60 : duration;
    const hours = Math.max(1, Math.floor(length / 60));
    sessions.push({
      date,
      start: hhmm(startMinutes),
      end: hhmm(startMinutes + length),
      ...(random.chance(0.4)
        ? { title: `Session ${index + 1}: ${capitalize(random.pick(SKILLS))}` }
        : {}),
      ...(random.chance(0.5)
        ? {
            agenda: Array.from({ length: Math.min(hours, 6) }, (_unused, hour) => ({
              label: `Hour ${hour + 1}`,
              title: capitalize(random.pick(SKILLS)),
            })),
          }
        : {}),
    });
    minutes += length;
  }
  return { sessions, minutes };
}

// ---------------------------------------------------------------------------------------
// Entries

function person(random: Random): { family: string; given: string } {
  const given = random.pick(FIRST_NAMES);
  const middle = random.chance(0.3) ? ` ${random.pick(FIRST_NAMES).charAt(0)}.` : '';
  return { family: random.pick(FAMILY_NAMES), given: `${given.charAt(0)}.${middle}` };
}
const people = (random: Random, min: number, max: number) =>
  Array.from({ length: random.int(min, max) }, () => person(random));

function workTitle(random: Random, topic: string): string {
  return random.pick([
    `${topic} in clinical practice: A guide for therapists`,
    `Working with ${random.pick(CONDITIONS)}: ${capitalize(random.pick(APPROACHES))} in ${random.pick(SETTINGS)}`,
    `The role of ${random.pick(OUTCOMES)} in treatment for ${random.pick(POPULATIONS)}`,
    `${capitalize(random.pick(APPROACHES))} for ${random.pick(CONDITIONS)}: A randomized controlled trial`,
    `Handbook of ${inText(topic)}: Theory, research, and clinical applications`,
  ]);
}

function reading(random: Random, type: ReadingInput['type'], topic: string): ReadingInput {
  const year = random.int(1988, 2024);
  const [publisher, place] = random.pick(PUBLISHERS);
  const isbn = () =>
    `978-${random.int(0, 1)}-${random.int(10000, 99999)}-${random.int(100, 999)}-${random.int(0, 9)}`;
  switch (type) {
    case 'book':
      return {
        type,
        authors: people(random, 1, 3),
        year,
        title: workTitle(random, topic),
        publisher,
        place,
        ...(random.chance(0.3) ? { isbn: isbn() } : {}),
        ...(random.chance(0.2) ? { edition: random.int(2, 4) } : {}),
      };
    case 'edited-book':
      return {
        type,
        editors: people(random, 1, 3),
        year,
        title: workTitle(random, topic),
        publisher,
        ...(random.chance(0.4) ? { edition: random.int(2, 4) } : {}),
      };
    case 'chapter': {
      const first = random.int(10, 400);
      return {
        type,
        authors: people(random, 1, 2),
        editors: people(random, 1, 2),
        year,
        title: workTitle(random, topic),
        containerTitle: workTitle(random, topic),
        pages: `${first}-${first + random.int(12, 40)}`,
        publisher,
        place,
      };
    }
    case 'article': {
      const first = random.int(1, 900);
      return {
        type,
        authors: people(random, 1, 5),
        year,
        title: workTitle(random, topic),
        containerTitle: random.pick(JOURNALS),
        volume: String(random.int(5, 90)),
        ...(random.chance(0.7) ? { issue: String(random.int(1, 12)) } : {}),
        pages: `${first}-${first + random.int(8, 30)}`,
        ...(random.chance(0.6)
          ? { doi: `10.${random.int(1000, 9999)}/ccp${random.int(1000000, 9999999)}` }
          : {}),
      };
    }
  }
}

const READING_TYPES: readonly ReadingInput['type'][] = [
  'book',
  'edited-book',
  'chapter',
  'article',
];

function courseTitle(random: Random, topic: string): string {
  const population = random.pick(POPULATIONS);
  return titleCase(
    random.pick([
      `${random.pick(TITLE_VERBS)} ${topic} with ${population}`,
      `Improving ${random.pick(OUTCOMES)} with ${topic}`,
      `${topic} across the lifespan`,
      `Foundations of ${topic}`,
      `Advanced ${topic}: Working with ${random.pick(CHALLENGES)}`,
      `${topic} in ${random.pick(SETTINGS)}`,
    ]),
  );
}

const FORMAT_LABELS: Record<CourseFormat, string> = {
  'live-online': 'Live online',
  'in-person': 'In person',
  hybrid: 'In person and online',
  'on-demand': 'On demand',
};

function course(
  random: Random,
  index: number,
  pools: {
    instructors: string[];
    topics: readonly string[];
    boards: string[];
    /** Title and dates of every dated course so far: the validator refuses a repeat. */
    scheduled: Set<string>;
  },
): { slug: string; text: string } {
  const topics = random.sample(pools.topics, random.int(1, 5));
  const topic = topics[0] as string;
  const title = courseTitle(random, topic);
  const slug = `${slugify(title).slice(0, 64).replace(/-+$/, '')}-${index + 1}`;
  const format = random.pick(FORMATS);
  const zone = random.pick(ZONES);
  const { sessions, minutes } =
    format === 'on-demand'
      ? { sessions: [], minutes: 15 * random.int(4, 48) }
      : schedule(random, zone.zone, format);
  const ceHours = minutes / 60;
  // At thousands of courses the same title sometimes falls on the same dates, which the
  // validator refuses as a copy left behind by a rerun; a later run gets a cohort number. The
  // file name keeps the first title, and no random draw is added, so smaller sets are unchanged.
  const dates = sessions.map((session) => session.date).join(',');
  let shownTitle = title;
  for (
    let cohort = 2;
    dates !== '' && pools.scheduled.has(`${shownTitle.toLowerCase()}|${dates}`);
    cohort += 1
  )
    shownTitle = `${title} (cohort ${cohort})`;
  if (dates !== '') pools.scheduled.add(`${shownTitle.toLowerCase()}|${dates}`);
  const objectives = Array.from({ length: random.int(3, 10) }, () => objective(random));
  const readingCount = random.int(2, 8);
  // The first four cycle through the types so a course with four or more has every kind.
  const start = random.int(0, 3);
  const readings = Array.from({ length: readingCount }, (_unused, item) =>
    reading(
      random,
      item < 4
        ? (READING_TYPES[(start + item) % 4] as ReadingInput['type'])
        : random.pick(READING_TYPES),
      topic,
    ),
  );
  const policies = POLICIES.filter(([, policy]) => policy.appliesTo.includes(format)).map(
    ([id]) => id,
  );
  const summaryCore = `${capitalize(random.pick(SKILLS))} with ${inText(topic)}.`;
  const summaryTail = ` ${FORMAT_LABELS[format]}, ${ceHours} CE ${ceHours === 1 ? 'hour' : 'hours'}.`;
  const summary =
    summaryCore.length + summaryTail.length <= 160
      ? summaryCore + summaryTail
      : summaryCore.slice(0, 159);
  const ethics =
    ceHours >= 1.5 && random.chance(0.3) ? 0.25 * random.int(1, Math.min(12, ceHours * 4 - 1)) : 0;
  const delivery = format === 'on-demand' ? 'home-study' : 'live';
  const chosenLevels = LEVELS.filter(() => random.chance(0.4));
  const levels = chosenLevels.length > 0 ? chosenLevels : [random.pick(LEVELS)];

  const sponsors = random.chance(0.6)
    ? ['praxis-cet']
    : ['praxis-cet', random.pick(SPONSORS.slice(1).map(([id]) => id))];
  const data: CourseInput = {
    title: shownTitle,
    ...(random.chance(0.5)
      ? { subtitle: capitalize(`${random.pick(SKILLS)} and ${random.pick(SKILLS)}`) }
      : {}),
    summary,
    instructors: random.sample(pools.instructors, random.pick([1, 1, 1, 2, 2, 3])),
    format,
    timeZone: zone.zone,
    ...(format === 'in-person' || format === 'hybrid' ? { venue: zone.venue } : {}),
    ...(sessions.length > 0 ? { sessions } : {}),
    ceHours,
    ...(ethics > 0
      ? {
          ceHoursBreakdown: [
            { hours: ceHours - ethics, category: 'general', delivery },
            { hours: ethics, category: 'ethics', delivery },
          ],
        }
      : {}),
    audience: random.pick([
      'Mental health professionals',
      'Psychologists, counselors, social workers and MFTs',
      'Clinicians at every stage of practice',
      'Therapists and clinical supervisors',
    ]),
    levels,
    topics,
    objectives: { leadIn: 'Participants will be able to:', items: objectives },
    approvals: random.sample(pools.boards, random.int(1, 8)).map((board) => {
      // Credit through a sponsor's approval where one holds it, else the course's own.
      const holder = SPONSORS.find(
        ([id, sponsor]) =>
          sponsors.includes(id) && sponsor.approvals?.some((approval) => approval.board === board),
      );
      const approval = holder ? { board } : { board, courseApproval: {} };
      return random.chance(0.1)
        ? { ...approval, note: 'Credit for the live sessions only.' }
        : approval;
    }),
    sponsors,
    readings,
    refundPolicy: random.pick(policies),
    ...(random.chance(0.6)
      ? { registrationUrl: `https://register.example.org/courses/${slug}` }
      : {}),
    ...(random.chance(0.6)
      ? {
          prices: [
            {
              amount: zone.currency === 'INR' ? 500 * random.int(4, 40) : 5 * random.int(10, 80),
              currency: zone.currency,
            },
          ],
        }
      : {}),
  };
  const body = courseBody(random, topic, objectives);
  return { slug, text: `---\n${yaml(data)}---\n${body}` };
}

/** YAML 1.1 quoting rules, so values such as 16:00 or 2024-03-01 come out quoted and stay text for any reader. */
const yaml = (data: unknown) => stringify(data, { version: '1.1', lineWidth: 0 });

function instructor(random: Random, name: { given: string; family: string }): string {
  const data: z.input<typeof instructorSchema> = {
    name: `${name.given} ${name.family}`,
    credentials: random.pick(CREDENTIALS),
    role: random.pick(ROLES),
    ...(random.chance(0.5)
      ? {
          links: [
            {
              label: 'Website',
              url: `https://www.example.org/people/${slugify(`${name.given} ${name.family}`)}`,
            },
          ],
        }
      : {}),
  };
  const full = `${name.given} ${name.family}`;
  const bio = [
    `${full} has taught clinicians for ${random.int(5, 30)} years.`,
    `${name.given} trained in ${random.pick(APPROACHES)} and has worked in ${random.pick(SETTINGS)} and ${random.pick(SETTINGS)}.`,
    `Their clinical work focuses on ${random.pick(POPULATIONS)} living with ${random.pick(CONDITIONS)}.`,
    ...(random.chance(0.6)
      ? [
          `${name.given} is the author of ${random.int(2, 40)} articles and a book on ${inText(random.pick(TOPICS))}.`,
        ]
      : []),
    `${name.given} is known for a warm, practical teaching style and for bringing real cases into the room.`,
  ].join(' ');
  return `---\n${yaml(data)}---\n\n${bio}\n`;
}

// ---------------------------------------------------------------------------------------
// Writing

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function writeAll(files: Map<string, string>): Promise<void> {
  const entries = [...files];
  // In batches: thousands of writes at once only queue up behind libuv's four threads anyway.
  for (let index = 0; index < entries.length; index += 64) {
    await Promise.all(
      entries.slice(index, index + 64).map(([file, text]) => writeFile(file, text)),
    );
  }
}

/** Builds every file in memory first, then writes them; returns what it wrote. */
export async function generateContent(options: GenerateOptions): Promise<GenerateSummary> {
  const { dir, count, seed } = options;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count must be a positive integer; found ${count}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer; found ${seed}`);
  const instructorCount = options.instructors ?? 50;
  const topicCount = Math.min(options.topics ?? 40, TOPICS.length);
  const boardCount = Math.min(options.boards ?? 12, BOARDS.length);

  const random = new Random(seed);
  const files = new Map<string, string>();
  const put = (relative: string, text: string) => files.set(path.join(dir, relative), text);

  const site: z.input<typeof siteSchema> = {
    name: 'Praxis CET',
    url: 'https://courses.example.org',
    description:
      'Continuing-education courses for mental-health professionals, with CE credit approved by national and state boards.',
    language: 'en-US',
    organization: 'praxis-cet',
    allowMdx: true,
  };
  put('site.yaml', yaml(site));
  put(
    MARKER,
    `Generated by scripts/bench/generate-content.ts: count ${count}, seed ${seed}. Safe to delete.\n`,
  );
  const boards = BOARDS.slice(0, boardCount);
  for (const [id, board] of boards) put(`boards/${id}.yaml`, yaml(board));
  for (const [id, sponsor] of SPONSORS) put(`sponsors/${id}.yaml`, yaml(sponsor));
  for (const [id, policy] of POLICIES) put(`policies/${id}.yaml`, yaml(policy));

  const names = random.sample(
    FIRST_NAMES.flatMap((given) => FAMILY_NAMES.map((family) => ({ given, family }))),
    instructorCount,
  );
  const instructorIds = names.map((name) => slugify(`${name.given} ${name.family}`));
  names.forEach((name, index) =>
    put(`instructors/${instructorIds[index]}.md`, instructor(random, name)),
  );

  const pools = {
    instructors: instructorIds,
    topics: TOPICS.slice(0, topicCount),
    boards: boards.map(([id]) => id),
    scheduled: new Set<string>(),
  };
  for (let index = 0; index < count; index += 1) {
    const { slug, text } = course(random, index, pools);
    put(`courses/${slug}.md`, text);
  }

  if (!(await isEmptyOrMissing(dir))) {
    const marked = await stat(path.join(dir, MARKER)).then(
      () => true,
      () => false,
    );
    if (!marked)
      throw new Error(`${dir} holds files this generator did not write; refusing to replace it.`);
    await rm(dir, { recursive: true, force: true });
  }
  for (const sub of ['courses', 'instructors', 'boards', 'sponsors', 'policies'])
    await mkdir(path.join(dir, sub), { recursive: true });
  await writeAll(files);
  return {
    dir,
    courses: count,
    instructors: instructorIds.length,
    boards: boards.length,
    topics: topicCount,
    files: files.size,
  };
}

// ---------------------------------------------------------------------------------------
// CLI

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const out = path.resolve(values.out ?? `.bench/content-${count}`);
  const started = performance.now();
  const summary = await generateContent({ dir: out, count, seed });
  console.log(
    `Wrote ${summary.courses} courses, ${summary.instructors} instructors, ${summary.boards} boards (${summary.files} files) ` +
      `to ${path.relative(process.cwd(), out) || out} in ${Math.round(performance.now() - started)} ms.`,
  );
}
