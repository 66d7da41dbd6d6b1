/**
 * The words a course page uses for CE credit, disclosures and completion requirements, built
 * only from facts the content states.
 */
import type { CreditUnit } from '../../collections/schemas/ce.ts';
import type { Completion, Disclosures } from '../../collections/schemas/course.ts';
import type { CourseFormat } from '../../collections/schemas/format.ts';
import type { Credit, CreditPart } from './ce-approvals.ts';

/**
 * An amount of credit as pages print it, to two decimals; the check compares credit as it is
 * printed (course-rules.ts), so a page never shows more than the schedule allows.
 */
export const shownAmount = (amount: number): number => Number(amount.toFixed(2));

const number = (amount: number) => String(shownAmount(amount));

const UNIT_WORDS: Record<CreditUnit, [one: string, many: string]> = {
  hours: ['CE hour', 'CE hours'],
  CEUs: ['CEU', 'CEUs'],
  'contact hours': ['contact hour', 'contact hours'],
  'AMA PRA Category 1 Credits': ['AMA PRA Category 1 Credit™', 'AMA PRA Category 1 Credits™'],
};

/** An amount as pages print it (two decimals) with the word for one or for more: "1 hour", "2.5 hours". */
export function amountText(amount: number, one: string, many: string): string {
  return `${number(amount)} ${shownAmount(amount) === 1 ? one : many}`;
}

/** "3 hours", "1 hour": a length of time, as the validator's and the scaffold's messages give it. */
export function hoursAmountText(hours: number): string {
  return amountText(hours, 'hour', 'hours');
}

/** "8 CE hours", "0.8 CEUs", "1 contact hour", "8 AMA PRA Category 1 Credits™". */
export function creditAmountText(amount: number, unit: CreditUnit): string {
  return amountText(amount, ...UNIT_WORDS[unit]);
}

const CATEGORY_WORDS: Record<string, string> = {
  general: 'general',
  ethics: 'ethics',
  'cultural-competence': 'cultural competence',
  'professional-boundaries': 'professional boundaries',
  'suicide-prevention': 'suicide prevention',
  supervision: 'supervision',
};
const DELIVERY_WORDS: Record<string, string> = {
  live: 'live',
  'live-interactive-webinar': 'live interactive webinar',
  'home-study': 'home study',
};

/** "3 CE hours of ethics, live interactive webinar". */
export function creditPartText(part: CreditPart, unit: CreditUnit): string {
  const what = part.category === undefined ? '' : ` of ${CATEGORY_WORDS[part.category]}`;
  const how = part.delivery === undefined ? '' : `, ${DELIVERY_WORDS[part.delivery]}`;
  return `${creditAmountText(part.amount, unit)}${what}${how}`;
}

/**
 * A body's credit with the categories boards count apart: its own parts, else, for credit in
 * the course's CE hours, the course's `ceHoursBreakdown`.
 */
export function creditWithCategories(
  credit: Credit,
  breakdown:
    | readonly {
        hours: number;
        category: CreditPart['category'];
        delivery: CreditPart['delivery'];
      }[]
    | undefined,
): Credit {
  if (credit.parts.length > 0 || credit.unit !== 'hours' || !breakdown) return credit;
  // A body giving fewer hours than the course does not split them as the course does.
  if (Math.abs(breakdown.reduce((sum, part) => sum + part.hours, 0) - credit.amount) > 1e-9)
    return credit;
  return {
    ...credit,
    parts: breakdown.map((part) => ({
      amount: part.hours,
      category: part.category,
      delivery: part.delivery,
    })),
  };
}

/** The whole credit with its parts: "0.8 CEUs (0.3 CEUs of ethics; 0.5 CEUs of general)". */
export function creditText(credit: Credit): string {
  const total = creditAmountText(credit.amount, credit.unit);
  return credit.parts.length === 0
    ? total
    : `${total} (${credit.parts.map((part) => creditPartText(part, credit.unit)).join('; ')})`;
}

/** Ends the text with a full stop, unless it already ends with one ("Example Pharma, Inc."). */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

export interface DisclosureLine {
  person: string;
  role: string;
  text: string;
}

/** One line per person: who, their part, and their relationships or that they have none. */
export function disclosureLines(
  disclosures: Disclosures,
  nameOf: (instructor: string) => string,
): DisclosureLine[] {
  return disclosures.people.map((person) => {
    const name = person.instructor === undefined ? (person.name ?? '') : nameOf(person.instructor);
    const text =
      person.relationships === 'none'
        ? 'has no relevant financial relationships with ineligible companies.'
        : sentence(
            `has these relevant financial relationships, all mitigated: ${person.relationships.map((relationship) => `${relationship.nature}, ${relationship.company}`).join('; ')}`,
          );
    return {
      person: name,
      role: person.role ?? (person.instructor === undefined ? 'planner' : 'instructor'),
      text,
    };
  });
}

/** "This course received no commercial support." or who gave it; undefined when the content is silent. */
export function commercialSupportText(disclosures: Disclosures | undefined): string | undefined {
  const support = disclosures?.commercialSupport;
  if (support === undefined) return undefined;
  if (support === 'none') return 'This course received no commercial support.';
  const givers = support.map((giver) =>
    giver.kind ? `${giver.company} (${giver.kind})` : giver.company,
  );
  return `This course received commercial support from ${givers.join(', ')}.`;
}

/** The steps of "How do I get my CE?", each a fact the content states; empty when it states none. */
export function completionSteps(
  completion: Completion | undefined,
  formats: CourseFormat | readonly CourseFormat[],
  formatDate: (iso: string) => string,
): string[] {
  if (!completion) return [];
  const steps: string[] = [];
  const list: readonly CourseFormat[] = typeof formats === 'string' ? [formats] : formats;
  const onDemand = list.includes('on-demand');
  const live = list.some((format) => format !== 'on-demand');
  if (completion.fullAttendance === true) {
    // A course offered both live and on demand states both ways of completing it.
    if (live && onDemand)
      steps.push(
        'Attend every session in full, or on demand complete the whole course; partial credit is not given.',
      );
    else
      steps.push(
        onDemand
          ? 'Complete the whole course.'
          : 'Attend every session in full; partial credit is not given.',
      );
  } else if (completion.fullAttendance === false) {
    steps.push('Credit is given for the sessions you attend.');
  }
  if (completion.evaluation === true) steps.push('Complete the course evaluation.');
  if (completion.test) {
    const attempts =
      completion.test.attempts === undefined
        ? ''
        : ` (${completion.test.attempts} ${completion.test.attempts === 1 ? 'attempt' : 'attempts'})`;
    steps.push(
      `Pass the post-test with a score of at least ${number(completion.test.passingScore)}%${attempts}.`,
    );
  }
  if (completion.certificate) steps.push(`Certificate: ${completion.certificate}`);
  if (completion.releaseDate) steps.push(`Released on ${formatDate(completion.releaseDate)}.`);
  if (completion.creditEndsOn) steps.push(creditEndText(completion.creditEndsOn, true, formatDate));
  return steps;
}

/** "nursing contact hours" for a body whose credit is for nurses alone, as ANCC words it. */
function summaryAmount(credit: Credit, professions: readonly string[]): string {
  const text = creditAmountText(credit.amount, credit.unit);
  const forNurses = professions.every((profession) => /^nurses?$/i.test(profession));
  return credit.unit === 'contact hours' && forNurses
    ? text.replace(/contact hours?$/, (unit) => `nursing ${unit}`)
    : text;
}

/**
 * The course's credit in one line for the key facts: its CE hours when every body gives them
 * ("8 CE hours"); otherwise each body's credit once, in the order the bodies are listed
 * ("6 AMA PRA Category 1 Credits™ · 6.25 nursing contact hours"), never one figure that some
 * readers cannot claim.
 */
export function creditSummary(
  ceHours: number,
  approvals: readonly { credit: Credit; professions: readonly string[] }[],
): string {
  const texts = [
    ...new Set(approvals.map(({ credit, professions }) => summaryAmount(credit, professions))),
  ];
  const courseHours = creditAmountText(ceHours, 'hours');
  return texts.length === 0 || (texts.length === 1 && texts[0] === courseHours)
    ? courseHours
    : texts.join(' · ');
}

/** The last day of on-demand credit, while credit is given and once it no longer is. */
export function creditEndText(
  creditEndsOn: string,
  given: boolean,
  formatDate: (iso: string) => string,
): string {
  return given
    ? `Credit is given until ${formatDate(creditEndsOn)}; after that date, no credit.`
    : `Credit was given until ${formatDate(creditEndsOn)}; this course no longer gives CE credit.`;
}
