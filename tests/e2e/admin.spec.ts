/**
 * The content manager at /admin/ (Decap CMS, self-hosted) on its local backend: decap-server
 * over a temporary copy of content/. The admin is the one the browser tests' site serves, built
 * like a deploy and sent with public/_headers, so it runs under its real Content-Security-Policy.
 *
 * An editor creates a course through the form and saves it; the file on disk passes
 * `npm run check`, keeps its session times as typed (the browser runs in Tokyo, the course in
 * New York), and builds into a page. An invalid value is refused with the validator's own
 * message, and nothing is written.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { ADMIN_CSP_DIRECTIVES, cspHeaderValue } from '../../src/build/security.ts';
import { DEFAULT_PROXY_PORT, proxyUrl } from '../../src/admin/decap-config.ts';
import { buildSite, runScript } from '../helpers/build.ts';
import { startAdminBackend, type AdminBackend } from './admin-backend.ts';

/** The clock of the browser tests' builds (tests/e2e/serve-site.ts). */
const E2E_NOW = '2026-11-30T12:00:00Z';
const TITLE = 'Ethics in Telehealth: A Primer';
const SLUG = 'ethics-in-telehealth-a-primer';

test.describe.configure({ mode: 'serial' });
// Far from the course's zone: a datetime widget would shift 16:00 New York time here.
test.use({ timezoneId: 'Asia/Tokyo' });

let backend: AdminBackend;

test.beforeAll(async () => {
  backend = await startAdminBackend();
});

test.afterAll(async () => backend?.stop());

/** CSP violations and uncaught errors on the page. */
async function watch(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const found = { violations: [] as string[], errors: [] as string[] };
  await page.exposeFunction('reportViolation', (text: string) => void found.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (
        window as unknown as { reportViolation: (text: string) => Promise<void> }
      ).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('pageerror', (error) => found.errors.push(error.message));
  return found;
}

/** Opens the form for a new course, logged in to the local backend. */
async function openNewCourse(page: Page) {
  if (backend.port !== DEFAULT_PROXY_PORT) {
    // 8081 was taken (by `npm run cms`, say): point the built config at this test's decap-server.
    await page.route('**/admin/config.yml', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        body: (await response.text()).replace(proxyUrl(), backend.url),
      });
    });
  }
  const response = await page.goto('/admin/#/collections/courses/new', {
    waitUntil: 'domcontentloaded',
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Login' }).click({ timeout: 60_000 });
  await expect(page.getByLabel('Title', { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  return response;
}

/** Replaces a text field's value: Decap's inputs keep the caret, so a plain fill would append. */
async function retype(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill('');
  await input.fill(value);
}

/** Picks an option of a select or relation field by typing part of it. */
async function choose(page: Page, label: string, typed: string, option = typed): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills every required field of a live-online course with one session. */
async function fillCourse(
  page: Page,
  session: { date: string; start: string; end: string },
): Promise<void> {
  await page.getByLabel('Title', { exact: true }).first().fill(TITLE);
  // Typed and cleared: Decap would write `subtitle: ""`, which the check refuses.
  const subtitle = page.getByLabel('Subtitle (optional)', { exact: true });
  await subtitle.fill('Draft subtitle');
  await subtitle.fill('');
  await page
    .getByLabel('Summary', { exact: true })
    .fill('The ethics of seeing clients online, for mental-health professionals.');
  await choose(page, 'Instructors', 'Leslie', 'Leslie Becker-Phelps');
  // Optional at the top level, since a course given more than once states them in each offering.
  await choose(page, 'Format (optional)', 'live-online');
  await choose(page, 'Time zone (optional)', 'America/New_York');
  await page.getByRole('button', { name: 'Add session' }).click();
  await page.getByLabel('Date', { exact: true }).fill(session.date);
  await page.getByLabel('Start', { exact: true }).fill(session.start);
  await page.getByLabel('End', { exact: true }).fill(session.end);
  await page.getByLabel('CE hours', { exact: true }).fill('2');
  await page.getByLabel('Audience', { exact: true }).fill('Mental health professionals');
  await choose(page, 'Levels', 'beginner');
  await page.getByRole('button', { name: 'Add topic' }).click();
  await page.getByLabel('Topic', { exact: true }).fill('Ethics');
  await page.getByLabel('Lead in', { exact: true }).fill('Participants will be able to:');
  await page.getByRole('button', { name: 'Add objective' }).click();
  await page
    .getByLabel('Objective', { exact: true })
    .fill('Name two risks of telehealth, and how to manage them.');
  await page.getByRole('button', { name: 'Add approval' }).click();
  await choose(page, 'Board', 'APA');
  // IBH holds the APA approval the course claims.
  await choose(page, 'Sponsors', 'Institute', 'Institute for Better Health');
  await choose(page, 'Refund policy', 'Refund', 'Refund and cancellation policy');
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
}

test('creates a course through the form that passes the check and builds into a page', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const troubles = await watch(page);
  const response = await openNewCourse(page);
  expect(response?.headers()['content-security-policy']).toBe(cspHeaderValue(ADMIN_CSP_DIRECTIVES));
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');

  await fillCourse(page, { date: '2027-03-01', start: '16:00', end: '18:00' });
  // A reading: a list entry with its own list of authors and a whole-number year.
  await page.getByRole('button', { name: 'Add reading' }).click();
  await choose(page, 'Type', 'book');
  await page.getByRole('button', { name: 'Add authors' }).click();
  await page.getByLabel('Family', { exact: true }).fill('Example');
  await page.getByLabel('Year', { exact: true }).fill('2020');
  await page.getByLabel('Title', { exact: true }).nth(1).fill('Telehealth in practice');
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('A course on the ethics of telehealth.');
  await publish(page);
  await expect(page.getByText('Entry saved')).toBeVisible({ timeout: 20_000 });

  const file = path.join(backend.contentDir, 'courses', `${SLUG}.md`);
  await expect.poll(() => backend.files('courses'), { timeout: 10_000 }).toContain(`${SLUG}.md`);
  const text = await readFile(file, 'utf8');
  const [, yamlText = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const data = parse(yamlText, { version: '1.2' }) as Record<string, unknown>;
  // Written exactly as typed, and read back as text by the validator's YAML 1.2.
  expect(data['sessions']).toEqual([{ date: '2027-03-01', start: '16:00', end: '18:00' }]);
  expect(data['timeZone']).toBe('America/New_York');
  expect(data['ceHours']).toBe(2);
  expect(data['readings']).toEqual([
    { type: 'book', authors: [{ family: 'Example' }], year: 2020, title: 'Telehealth in practice' },
  ]);
  expect(data).not.toHaveProperty('subtitle');
  expect(body.trim()).toBe('A course on the ethics of telehealth.');

  // The admin reads the file back with the same wall-clock times. Decap moves from the new-entry
  // form to the entry's own address after saving; reloading before that would open a blank form.
  await expect(page).toHaveURL(new RegExp(`/entries/${SLUG}$`), { timeout: 20_000 });
  await page.reload({ waitUntil: 'domcontentloaded' });
  const login = page.getByRole('button', { name: 'Login' });
  if (await login.isVisible({ timeout: 15_000 }).catch(() => false)) await login.click();
  await expect(page.getByLabel('Start', { exact: true })).toHaveValue('16:00', { timeout: 30_000 });
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2027-03-01');

  const check = runScript('check', { CONTENT_DIR: backend.contentDir });
  expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
  const site = buildSite(backend.contentDir, E2E_NOW);
  const html = site.read(`courses/${SLUG}/index.html`);
  expect(html).toContain(`<h1`);
  expect(html).toContain('Ethics in Telehealth: A Primer');
  // 16:00 in New York on 1 March 2027 is EST, five hours behind UTC.
  expect(html).toContain('datetime="2027-03-01T16:00:00-05:00"');
  expect(html).toContain('A course on the ethics of telehealth.');
  await rm(site.outDir, { recursive: true, force: true });
  await rm(`${site.outDir}-cache`, { recursive: true, force: true });

  expect(troubles.violations).toEqual([]);
  expect(troubles.errors).toEqual([]);
});

test('refuses an invalid value, tells the editor why, and writes nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const troubles = await watch(page);
  const before = await backend.files('courses');
  await openNewCourse(page);
  await fillCourse(page, { date: '2027-03-08', start: '4pm', end: '18:00' });

  // A time that is not HH:MM: the form's own check, from the schema's pattern.
  await publish(page);
  await expect(
    page.getByText(
      "Start didn't match the pattern: Must be a 24-hour time written HH:MM, for example 16:00.",
    ),
  ).toBeVisible();
  await expect.poll(() => backend.files('courses')).toEqual(before);

  // A well-formed time that ends before the start: the validator's rule, run before saving.
  await retype(page, 'Start', '16:00');
  await retype(page, 'End', '15:00');
  await publish(page);
  await expect(
    page.getByText(
      /Not saved: 1 problem .*sessions\[0\]\.end: The session ends before it starts\./,
    ),
  ).toBeVisible({ timeout: 20_000 });

  // Give a save that was wrongly let through time to reach the disk.
  await page.waitForTimeout(1_000);
  expect(await backend.files('courses')).toEqual(before);
  expect(troubles.violations).toEqual([]);
});
