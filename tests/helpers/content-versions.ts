/**
 * Two versions of one small site's content, A and B, for tests of builds that are stopped,
 * reverted, run side by side or given a damaged cache: three courses (two with references, so
 * citation cache entries) and B changing every course page, social image and the index.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { realContentWith } from './fixtures.ts';

const SEED = 'attachment-theory-treatment-effectiveness';
export const COURSES = [SEED, 'attachment-theory-second-cohort', 'self-compassion-in-practice'];

/** Content A: the real content, the e2e fixture's course, and a second cohort of the seed course. */
export async function contentA(): Promise<string> {
  const dir = await realContentWith('e2e');
  const seed = await readFile(path.join(dir, 'courses', `${SEED}.md`), 'utf8');
  const second = seed
    .replace(/^title: .*$/m, 'title: Attachment Theory for Treatment-Resistant Clients')
    // Its own reading list, so its references are another citation cache entry.
    .replace(/^ {2}- type: book\n(?: {4}.*\n)+/m, '')
    // Its own description: the check refuses a copy of another course's.
    .replace(/\n---\n/, '\n---\n\nA second cohort, for clinicians who missed the first.\n');
  if (second === seed) throw new Error('the seed course no longer has the expected shape');
  await writeFile(path.join(dir, 'courses', `${COURSES[1]}.md`), second);
  return dir;
}

/** Content B: A with every course retitled and its description extended. */
export async function contentB(): Promise<string> {
  const dir = await contentA();
  const courses = path.join(dir, 'courses');
  for (const file of await readdir(courses)) {
    const text = await readFile(path.join(courses, file), 'utf8');
    await writeFile(
      path.join(courses, file),
      `${text.replace(/^title: (.*)$/m, 'title: $1, Revised')}\nThis is version B of the course.\n`,
    );
  }
  return dir;
}

/** The text only version B's pages hold. */
export const B_MARKER = 'This is version B of the course.';
