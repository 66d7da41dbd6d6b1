/**
 * `npm run new-course`: writes a draft course to content/courses/<slug>.md that passes
 * `npm run check` as written. Asks for what it needs, or takes it all as flags so that tests
 * and CI run it without a terminal:
 *
 *   npm run new-course -- --title "Ethics in Telehealth" --format live-online \
 *     --time-zone America/New_York --date 2027-03-01 --start 16:00 --end 18:00 \
 *     --instructor leslie-becker-phelps [--slug ethics-in-telehealth] [--content-dir content]
 *
 * Never overwrites a file: exits 1 when the course exists, or when an answer given as a flag
 * is wrong.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import {
  resolveContentDir,
  validationContextFor,
} from '../src/collections/validation/load-content.ts';
import { formatReport } from '../src/collections/validation/problems.ts';
import { courseTemplate, suggestSlug } from '../src/admin/course-template.ts';
import {
  checkDate,
  checkEnd,
  checkFormat,
  checkInstructor,
  checkSlug,
  checkStart,
  checkTimeZone,
  checkTitle,
  defaultApproval,
  defaultSponsor,
  missingPrerequisites,
  policyFor,
  problemsInCourseFile,
  readInventory,
  type Checked,
} from '../src/admin/new-course.ts';
import { COURSE_FORMATS, type CourseFormat } from '../src/collections/schemas/format.ts';

class Stop extends Error {}

function stop(message: string): never {
  throw new Stop(message);
}

function display(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? absolutePath
    : relative.split(path.sep).join('/');
}

let flags: Record<string, string | boolean | undefined>;
try {
  ({ values: flags } = parseArgs({
    options: {
      title: { type: 'string' },
      format: { type: 'string' },
      'time-zone': { type: 'string' },
      date: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      instructor: { type: 'string' },
      slug: { type: 'string' },
      'content-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  console.error(
    `${(error as Error).message}\nRun \`npm run new-course -- --help\` for the options.`,
  );
  process.exit(1);
}

if (flags['help']) {
  console.log(`Creates a draft course in content/courses/ that passes \`npm run check\`.

Asks for each answer, or takes them as flags:
  --title "..."          the course title
  --format F             ${COURSE_FORMATS.join(', ')}
  --time-zone Z          IANA time zone the times are written in, such as America/New_York
  --date YYYY-MM-DD      first session date   (not for on-demand)
  --start HH:MM          first session start  (24-hour, not for on-demand)
  --end HH:MM            first session end    (24-hour, not for on-demand)
  --instructor SLUG      a file name in content/instructors/, without .md
  --slug SLUG            the URL and file name (default: from the title)
  --content-dir DIR      content folder (default: CONTENT_DIR or content/)`);
  process.exit(0);
}

const contentDir = resolveContentDir(flags['content-dir'] as string | undefined);

/** Questions are only asked when a flag is missing, so a run with every flag never touches stdin. */
let prompter: { ask: (question: string) => Promise<string>; close: () => void } | undefined;

function openPrompter(): NonNullable<typeof prompter> {
  const readline = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
  });
  // Lines are read through the iterator, which buffers them: with piped input, lines that
  // arrive before a question is asked would otherwise be lost.
  const lines = readline[Symbol.asyncIterator]();
  let cancelled = false;
  readline.on('SIGINT', () => {
    cancelled = true;
    readline.close();
  });
  return {
    async ask(question) {
      readline.setPrompt(question);
      readline.prompt();
      const next = await lines.next();
      if (next.done)
        stop(
          cancelled
            ? '\nCancelled; nothing was written.'
            : '\nThe input ended before every question was answered; nothing was written.',
        );
      return next.value;
    },
    close: () => readline.close(),
  };
}

/**
 * One answer: from its flag (a wrong flag stops the run, as nobody is there to ask), or asked
 * until it passes its check. An empty answer takes the default.
 */
async function answer<T>(
  flag: string,
  question: string,
  check: (value: string) => Checked<T>,
  fallback?: string,
): Promise<T> {
  const given = flags[flag];
  if (typeof given === 'string') {
    const result = check(given);
    if (!result.ok) stop(`--${flag}: ${result.message}`);
    return result.value;
  }
  for (;;) {
    prompter ??= openPrompter();
    const reply = (await prompter.ask(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    const result = check(reply === '' && fallback ? fallback : reply);
    if (result.ok) return result.value;
    console.log(`  ${result.message}`);
  }
}

async function main(): Promise<void> {
  const inventory = await readInventory(contentDir);
  const missing = missingPrerequisites(inventory);
  if (missing.length > 0) {
    stop(
      `A course needs references that exist, and ${display(contentDir)} has no:\n${missing.map((item) => `  - ${item}`).join('\n')}\nAdd them first; nothing was written.`,
    );
  }
  const needed = [
    'title',
    'format',
    'time-zone',
    'instructor',
    ...(flags['format'] === 'on-demand' ? [] : ['date', 'start', 'end']),
  ];
  const asking = needed.some((flag) => flags[flag] === undefined);
  if (asking) console.log('New course. Press Enter to accept the answer in [brackets].\n');

  const title = await answer('title', 'Title', checkTitle);
  const format: CourseFormat = await answer(
    'format',
    `Format (${COURSE_FORMATS.join(', ')})`,
    (value) => checkFormat(value, inventory),
    'live-online',
  );
  const timeZone = await answer(
    'time-zone',
    'Time zone the times are written in (IANA, such as America/New_York)',
    checkTimeZone,
    inventory.timeZones[0] ?? 'America/New_York',
  );
  let session: { date: string; start: string; end: string } | undefined;
  if (format !== 'on-demand') {
    const date = await answer('date', 'First session date (YYYY-MM-DD)', checkDate);
    const start = await answer('start', 'Start time (HH:MM, 24-hour)', (value) =>
      checkStart(value, date, timeZone),
    );
    const end = await answer('end', 'End time (HH:MM, 24-hour)', (value) =>
      checkEnd(value, { date, start }, timeZone),
    );
    session = { date, start, end };
  }
  if (flags['instructor'] === undefined) {
    console.log('Instructors:');
    inventory.instructors.forEach((instructor, index) =>
      console.log(
        `  ${index + 1}. ${instructor.slug}${instructor.name ? ` (${instructor.name})` : ''}`,
      ),
    );
  }
  const instructor = await answer(
    'instructor',
    'Instructor (number or file name)',
    (value) => checkInstructor(value, inventory),
    inventory.instructors.length === 1 ? '1' : undefined,
  );
  const suggested = suggestSlug(title);
  let slug: string;
  if (flags['slug'] !== undefined || asking) {
    slug = await answer(
      'slug',
      'Slug, the URL /courses/<slug>/',
      (value) => checkSlug(value, inventory),
      suggested || undefined,
    );
  } else {
    // Run from flags alone: take the suggestion, or stop if it cannot be used.
    if (suggested === '')
      stop('--title has no letters or digits to make a URL from; give the slug with --slug.');
    const checked = checkSlug(suggested, inventory);
    if (!checked.ok)
      stop(`${checked.message}\nNothing was written. Give another slug with --slug.`);
    slug = checked.value;
  }

  const file = path.join(contentDir, 'courses', `${slug}.md`);
  const text = courseTemplate({
    title,
    format,
    timeZone,
    ...(session ? { session } : {}),
    instructor,
    ...defaultApproval(inventory, defaultSponsor(inventory)!),
    sponsor: defaultSponsor(inventory)!,
    policy: policyFor(inventory, format)!,
  });
  // What `npm run check` knows of the other files (boards, sponsors, policies), so the new file
  // meets the same rules there as it will in the check.
  const problems = problemsInCourseFile(
    text,
    display(file),
    await validationContextFor(contentDir),
  );
  if (problems.length > 0)
    stop(
      `The new course would not pass \`npm run check\`; nothing was written.\n\n${formatReport(problems)}`,
    );

  await mkdir(path.dirname(file), { recursive: true });
  try {
    // `wx` fails if the file exists, even if it appeared after the slug was checked.
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      stop(
        `${display(file)} already exists, and new-course never overwrites a course.\nNothing was written. Give another slug with --slug, or edit that file.`,
      );
    throw error;
  }
  console.log(`
Created ${display(file)} (a draft: it is never published while \`draft: true\`).

Next:
  1. Edit the file: replace the placeholders (summary, topics, objectives and the description
     below the fields) and check the approvals, sponsors and refund policy.
  2. Run \`npm run check\`: it names the file, line and field of anything wrong.
  3. Preview with \`npm run dev\` and open /courses/${slug}/.
  4. Set \`draft: false\` when the course is ready to publish.
See docs/CONTENT.md for every field.`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  prompter?.close();
}
