/**
 * What `npm run new-course` needs to know about the content folder, and the checks on each
 * answer, so that a bad answer is caught at the question rather than by `npm run check` later.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  isCalendarDate,
  isIanaTimeZone,
  slugSchema,
  wallTimeSchema,
} from '../collections/schemas/common.ts';
import { courseSchema } from '../collections/schemas/course.ts';
import { COURSE_FORMATS, type CourseFormat } from '../collections/schemas/format.ts';
import { policySchema } from '../collections/schemas/policy.ts';
import type { ContentProblem } from '../collections/validation/problems.ts';
import { decodeUtf8, parseSource } from '../collections/validation/source-file.ts';
import type { ValidationContext } from '../collections/validate.ts';
import { validateCourseFile } from '../collections/validate-file.ts';
import { closestMatch } from '../domain/search/suggest.ts';
import {
  sessionLength,
  suggestSlug,
  wallClockProblem,
  type FirstSession,
} from './course-template.ts';

export interface Inventory {
  instructors: { slug: string; name?: string }[];
  boards: string[];
  sponsors: string[];
  /** The boards each sponsor's file lists under `approvals`. */
  sponsorApprovals: Map<string, string[]>;
  /** `appliesTo` is missing when the policy file does not pass its schema. */
  policies: { slug: string; appliesTo?: CourseFormat[] }[];
  /** The sponsor named by site.yaml, which publishes the site. */
  organization?: string;
  /** Slugs in use (course file names and `slug` fields), each with the file that uses it, as shown in errors. */
  courseSlugs: Map<string, string>;
  /** Time zones of existing courses, most used first. */
  timeZones: string[];
}

async function filesIn(
  directory: string,
  extensions: string[],
): Promise<{ slug: string; absolutePath: string }[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter(
      (entry) =>
        entry.isFile() &&
        !entry.name.startsWith('.') &&
        extensions.includes(path.extname(entry.name)),
    )
    .map((entry) => ({
      slug: path.basename(entry.name, path.extname(entry.name)),
      absolutePath: path.join(directory, entry.name),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The parsed fields of a file, or undefined when it cannot be read; the loader reports those. */
async function fieldsOf(
  absolutePath: string,
  withBody: boolean,
): Promise<Record<string, unknown> | undefined> {
  const decoded = decodeUtf8(await readFile(absolutePath), absolutePath);
  if (!decoded.ok) return undefined;
  const parsed = parseSource(decoded.text, absolutePath, withBody);
  const data = parsed.ok ? parsed.source.data : undefined;
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}

export async function readInventory(contentDir: string): Promise<Inventory> {
  const yaml = ['.yaml', '.yml'];
  const [instructorFiles, boardFiles, sponsorFiles, policyFiles, courseFiles] = await Promise.all([
    filesIn(path.join(contentDir, 'instructors'), ['.md']),
    filesIn(path.join(contentDir, 'boards'), yaml),
    filesIn(path.join(contentDir, 'sponsors'), yaml),
    filesIn(path.join(contentDir, 'policies'), yaml),
    filesIn(path.join(contentDir, 'courses'), ['.md', '.mdx']),
  ]);
  const instructors = await Promise.all(
    instructorFiles.map(async ({ slug, absolutePath }) => {
      const name = (await fieldsOf(absolutePath, true))?.['name'];
      return typeof name === 'string' ? { slug, name } : { slug };
    }),
  );
  const policies = await Promise.all(
    policyFiles.map(async ({ slug, absolutePath }) => {
      const result = policySchema.safeParse(await fieldsOf(absolutePath, false));
      return result.success ? { slug, appliesTo: result.data.appliesTo } : { slug };
    }),
  );
  const sponsorApprovals = new Map(
    await Promise.all(
      sponsorFiles.map(async ({ slug, absolutePath }) => {
        const approvals = (await fieldsOf(absolutePath, false))?.['approvals'];
        const boards = Array.isArray(approvals)
          ? approvals.flatMap((approval) =>
              typeof approval?.board === 'string' ? [approval.board as string] : [],
            )
          : [];
        return [slug, boards] as const;
      }),
    ),
  );
  const courseSlugs = new Map<string, string>();
  const zoneCounts = new Map<string, number>();
  for (const { slug, absolutePath } of courseFiles) {
    const relative = path.relative(process.cwd(), absolutePath);
    const file =
      relative.startsWith('..') || path.isAbsolute(relative)
        ? absolutePath
        : relative.split(path.sep).join('/');
    courseSlugs.set(slug, file);
    const fields = await fieldsOf(absolutePath, true);
    if (typeof fields?.['slug'] === 'string' && !courseSlugs.has(fields['slug']))
      courseSlugs.set(fields['slug'], file);
    const zone = fields?.['timeZone'];
    if (typeof zone === 'string' && isIanaTimeZone(zone))
      zoneCounts.set(zone, (zoneCounts.get(zone) ?? 0) + 1);
  }
  const site = await readFile(path.join(contentDir, 'site.yaml')).then(
    () => fieldsOf(path.join(contentDir, 'site.yaml'), false),
    () => undefined,
  );
  const organization = site?.['organization'];
  return {
    instructors,
    boards: boardFiles.map(({ slug }) => slug),
    sponsors: sponsorFiles.map(({ slug }) => slug),
    sponsorApprovals,
    policies,
    ...(typeof organization === 'string' ? { organization } : {}),
    courseSlugs,
    timeZones: [...zoneCounts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([zone]) => zone),
  };
}

/** What must exist before a course can pass validation, in words; empty when all is there. */
export function missingPrerequisites(inventory: Inventory): string[] {
  const missing: string[] = [];
  if (inventory.instructors.length === 0)
    missing.push(
      'an instructor in content/instructors/ (see "Adding an instructor" in docs/CONTENT.md)',
    );
  if (inventory.boards.length === 0)
    missing.push('a CE board in content/boards/ (see "Adding a CE board" in docs/CONTENT.md)');
  if (inventory.sponsors.length === 0) missing.push('a sponsor in content/sponsors/');
  if (inventory.policies.length === 0) missing.push('a refund policy in content/policies/');
  return missing;
}

/** The first policy that covers the format: a course whose policy does not cover it fails validation. */
export function policyFor(inventory: Inventory, format: CourseFormat): string | undefined {
  return inventory.policies.find((policy) => policy.appliesTo?.includes(format))?.slug;
}

/** The site's own organization when it is a sponsor, else the first sponsor. */
export function defaultSponsor(inventory: Inventory): string | undefined {
  return inventory.organization && inventory.sponsors.includes(inventory.organization)
    ? inventory.organization
    : inventory.sponsors[0];
}

/**
 * The approval a new course claims: the first board its sponsor is approved by, else the first
 * board as the course's own approval (an editor replaces it before the draft is published).
 */
export function defaultApproval(
  inventory: Inventory,
  sponsor: string,
): { board: string; courseApproval: boolean } {
  const held = inventory.boards.find((board) =>
    inventory.sponsorApprovals.get(sponsor)?.includes(board),
  );
  return held
    ? { board: held, courseApproval: false }
    : { board: inventory.boards[0]!, courseApproval: true };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

export function checkTitle(answer: string): Checked<string> {
  const title = answer.trim();
  if (title === '') return fail('The title cannot be empty.');
  const result = courseSchema.shape.title.safeParse(title);
  if (!result.success)
    return fail(`The title is ${title.length} characters long; the limit is 200.`);
  return { ok: true, value: title };
}

export function checkFormat(answer: string, inventory: Inventory): Checked<CourseFormat> {
  const value = answer.trim();
  const byNumber = /^\d+$/.test(value) ? COURSE_FORMATS[Number(value) - 1] : undefined;
  const format = byNumber ?? COURSE_FORMATS.find((candidate) => candidate === value);
  if (!format) {
    const suggestion = closestMatch(value, COURSE_FORMATS);
    return fail(
      `"${value}" is not a format.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Use one of ${COURSE_FORMATS.join(', ')}.`,
    );
  }
  if (!policyFor(inventory, format)) {
    return fail(
      `No refund policy in content/policies/ covers ${format} courses, so the course could not pass \`npm run check\`. Add ${format} to \`appliesTo\` of a policy that applies to it, or add a policy, then run this again.`,
    );
  }
  return { ok: true, value: format };
}

export function checkTimeZone(answer: string): Checked<string> {
  const zone = answer.trim();
  if (isIanaTimeZone(zone)) return { ok: true, value: zone };
  const suggestion = closestMatch(zone, Intl.supportedValuesOf('timeZone'));
  return fail(
    `"${zone}" is not an IANA time zone.${suggestion ? ` Did you mean "${suggestion}"?` : ' Use the zone of the place the times are written for, such as "America/New_York" (abbreviations like EST are not zones).'}`,
  );
}

export function checkDate(answer: string): Checked<string> {
  const date = answer.trim();
  return isCalendarDate(date)
    ? { ok: true, value: date }
    : fail(`"${date}" is not a date written YYYY-MM-DD, such as 2027-03-01.`);
}

export function checkTime(answer: string): Checked<string> {
  const time = answer.trim();
  return wallTimeSchema.safeParse(time).success
    ? { ok: true, value: time }
    : fail(`"${time}" is not a 24-hour time written HH:MM, such as 16:00 for 4 PM.`);
}

/** The end time, checked against the start and the time zone's daylight-saving changes. */
export function checkEnd(
  answer: string,
  session: Omit<FirstSession, 'end'>,
  timeZone: string,
): Checked<string> {
  const time = checkTime(answer);
  if (!time.ok) return time;
  const length = sessionLength({ ...session, end: time.value }, timeZone);
  if (!length.ok) return fail(length.message);
  if (length.hours < 0.25)
    return fail('The session is shorter than a quarter of an hour, the smallest step of CE hours.');
  return time;
}

/** The start time alone: it must occur exactly once that day in the time zone. */
export function checkStart(answer: string, date: string, timeZone: string): Checked<string> {
  const time = checkTime(answer);
  if (!time.ok) return time;
  const problem = wallClockProblem(date, time.value, timeZone);
  return problem ? fail(problem) : time;
}

export function checkInstructor(answer: string, inventory: Inventory): Checked<string> {
  const value = answer.trim();
  const slugs = inventory.instructors.map((instructor) => instructor.slug);
  const byNumber = /^\d+$/.test(value) ? slugs[Number(value) - 1] : undefined;
  const slug = byNumber ?? slugs.find((candidate) => candidate === value);
  if (slug) return { ok: true, value: slug };
  const suggestion = closestMatch(value, slugs);
  return fail(
    `There is no "${value}" in content/instructors/.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Choose one of ${slugs.join(', ')}, or add the instructor first.`,
  );
}

export function checkSlug(answer: string, inventory: Inventory): Checked<string> {
  const slug = answer.trim();
  if (!slugSchema.safeParse(slug).success) {
    const suggestion = suggestSlug(slug);
    return fail(
      `"${slug}" cannot be used in a URL: use lowercase letters, digits and single hyphens, at most 80 characters${suggestion && suggestion !== slug ? `, such as "${suggestion}"` : ''}.`,
    );
  }
  const taken = inventory.courseSlugs.get(slug);
  if (taken) {
    const how =
      path.basename(taken, path.extname(taken)) === slug
        ? `${taken} already exists`
        : `${taken} uses it as its \`slug\``;
    return fail(`The slug "${slug}" is taken: ${how}, and new-course never overwrites a course.`);
  }
  return { ok: true, value: slug };
}

/**
 * Validates the written file with the validator of `npm run check` (read, schema, rules); the
 * references come from the inventory, so they exist, unless `context` says otherwise.
 */
export function problemsInCourseFile(
  text: string,
  file: string,
  context: ValidationContext = { today: new Date().toISOString().slice(0, 10) },
): ContentProblem[] {
  return validateCourseFile(text, file, context).problems;
}
