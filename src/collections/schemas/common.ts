/**
 * Field types shared by every content schema. Each carries a description and an
 * example in its metadata: the error formatter quotes the example in its "how to fix" line,
 * and the content guide and JSON Schemas are generated from the same metadata.
 */
import { z } from 'zod';
import { closestMatch } from '../../domain/search/suggest.ts';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL-safe identifier: lowercase letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'lowercase letters, digits and single hyphens only')
  .max(80)
  .meta({ description: 'Lowercase letters, digits and hyphens.', examples: ['attachment-theory'] });

/**
 * The form of a reference: a slug in any case, so that the reference check, which knows the
 * files, can answer `NBCC` with "Did you mean "nbcc"?" instead of a bare pattern error.
 */
export const referenceSlugSchema = z
  .string()
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'lowercase letters, digits and single hyphens only')
  .max(80);

/** A reference to another entry, by its slug (the file name without extension). */
export const referenceTo = (collection: string, example: string) =>
  referenceSlugSchema.meta({
    description: `The slug of an entry in content/${collection}/ (its file name without extension).`,
    examples: [example],
  });

/** A non-empty line of text, trimmed. */
export const textSchema = z.string().trim().min(1);

export function isHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname.length > 0;
}

/** An absolute https URL: the site is served over https and links must not downgrade. */
export const httpsUrlSchema = z
  .string()
  .trim()
  .refine(isHttpsUrl, {
    error: 'must be an absolute https URL',
    params: { expected: 'an absolute URL starting with https://' },
  })
  .meta({
    description: 'An absolute URL starting with https://.',
    examples: ['https://www.example.org/register'],
  });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A calendar date, `YYYY-MM-DD`, with no time and no zone. */
export const isoDateSchema = z
  .string()
  .refine(isCalendarDate, {
    error: 'must be a real calendar date written YYYY-MM-DD',
    params: { expected: 'a date written YYYY-MM-DD, in quotes' },
  })
  .meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2020-10-19'] });

const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A wall-clock time, `HH:MM` on a 24-hour clock, read in the course's own time zone. */
export const wallTimeSchema = z
  .string()
  .regex(WALL_TIME, 'a 24-hour time written HH:MM')
  .meta({
    description: 'A 24-hour wall-clock time, HH:MM, in the course time zone.',
    examples: ['16:00'],
  });

// The name Intl gives each zone asked about, or null for a zone it does not know. Cached, as
// thousands of courses share a few zones and each DateTimeFormat costs about 0.1 ms.
const canonicalZones = new Map<string, string | null>();

/** The zone's name as IANA writes it (Intl accepts any case), or null when it is no zone. */
function canonicalZone(value: string): string | null {
  let canonical = canonicalZones.get(value);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      // Intl throws on a zone it does not know.
      canonical = null;
    }
    canonicalZones.set(value, canonical);
  }
  return canonical;
}

export function isIanaTimeZone(value: string): boolean {
  if (value !== 'UTC' && !value.includes('/')) return false;
  return canonicalZone(value) !== null;
}

/** An IANA time-zone name such as `America/New_York`. */
export const timeZoneSchema = z
  .string()
  .superRefine((value, context) => {
    if (isIanaTimeZone(value)) {
      // Intl accepts any case, but the name is printed as written: `america/new_york` is refused.
      const canonical = canonicalZone(value)!;
      if (canonical === value || canonical.toLowerCase() !== value.toLowerCase()) return;
      context.addIssue({
        code: 'custom',
        message: 'is a time zone written in the wrong case',
        params: {
          expected: `the zone's name as IANA writes it, "${canonical}"`,
          fix: `Did you mean "${canonical}"?`,
        },
      });
      return;
    }
    const suggestion = closestMatch(value, Intl.supportedValuesOf('timeZone'));
    context.addIssue({
      code: 'custom',
      message: 'is not an IANA time zone',
      params: {
        expected: 'an IANA time zone such as "America/New_York"',
        fix: suggestion
          ? `Did you mean "${suggestion}"?`
          : 'Use the zone of the place the times are written for, such as "America/New_York" (abbreviations like EST are not zones).',
      },
    });
  })
  .meta({ description: 'An IANA time-zone name.', examples: ['America/New_York'] });

/** An amount of money in a currency. */
export const moneySchema = z
  .strictObject({
    amount: z
      .number()
      .nonnegative()
      .meta({ description: 'The amount, in major units.', examples: [30] }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code')
      .meta({ description: 'ISO 4217 currency code.', examples: ['USD'] }),
  })
  .meta({ description: 'An amount of money.', examples: [{ amount: 30, currency: 'USD' }] });

export type Money = z.infer<typeof moneySchema>;
