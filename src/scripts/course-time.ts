/**
 * Progressive enhancement for course pages, loaded as a file (no inline script):
 * - beside each session, the reader's own local time when their zone differs;
 * - every fact that depends on "now" re-computed on the reader's clock by the function the build
 *   used (courseFactsAt), from the instants the page carries (`data-course-clock`): each
 *   offering's status and Register link, prices whose last day has passed, the refund tier in
 *   force, approvals that have lapsed, and the end of on-demand credit.
 * Without JavaScript the page shows the schedule and every fact as of its build.
 */
import { STATUS_LABELS } from '../domain/labels.ts';
import {
  courseFactsAt,
  type CourseClock,
  type CourseFactsNow,
  type OfferingFactsNow,
} from '../domain/offerings/course-clock.ts';
import { localTimeNote, namedByOffset, useZoneAbbreviations } from '../domain/time/local-time.ts';

async function showLocalTimes(): Promise<void> {
  const schedule = document.querySelector<HTMLElement>('[data-schedule]');
  const courseZone = schedule?.dataset['timeZone'];
  if (!schedule || !courseZone) return;
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const first = Date.parse(
    schedule.querySelector<HTMLElement>('[data-session]')?.dataset['start'] ?? '',
  );
  // tzdata's letters (AEDT) are fetched only where Intl would print an offset ("GMT+11").
  if (
    !Number.isNaN(first) &&
    readerZone !== courseZone &&
    (namedByOffset(first, readerZone) || namedByOffset(first, courseZone))
  )
    // Data, not a module: a dynamic import would bring Vite's preload helper into every page.
    useZoneAbbreviations(
      await fetch('/zone-abbreviations.json').then(
        (response) => (response.ok ? (response.json() as Promise<Record<string, string>>) : {}),
        () => ({}),
      ),
    );
  for (const session of schedule.querySelectorAll<HTMLElement>('[data-session]')) {
    const { start, end } = session.dataset;
    const slot = session.querySelector<HTMLElement>('[data-local-time]');
    if (!start || !end || !slot) continue;
    const note = localTimeNote(start, end, courseZone, readerZone);
    if (!note) continue;
    slot.textContent = `Your time: ${note}`;
    slot.hidden = false;
  }
}

/** One offering's element (the key facts, or an entry of the list of dates) brought to its facts now. */
function applyOffering(offering: HTMLElement, facts: OfferingFactsNow): void {
  const { status } = facts;
  offering.querySelectorAll<HTMLElement>('[data-price]').forEach((price) => {
    if (facts.prices[Number(price.dataset['price'])] === false) price.remove();
  });
  const refund = offering.querySelector<HTMLElement>('[data-refund-now]');
  const refundText = refund?.querySelector<HTMLElement>('[data-refund-text]');
  if (refund && !facts.refund) refund.remove();
  else if (refundText && facts.refund) refundText.textContent = facts.refund.text;
  if (status === offering.dataset['status']) return;
  offering.dataset['status'] = status;
  const label = offering.querySelector<HTMLElement>('[data-status-label]');
  if (label) {
    label.textContent = STATUS_LABELS[status];
    label.dataset['status'] = status;
  }
  if (!facts.registrationOpen)
    offering.querySelectorAll<HTMLElement>('[data-register]').forEach((link) => link.remove());
  offering.querySelectorAll<HTMLElement>('[data-when]').forEach((message) => {
    message.hidden = message.dataset['when'] !== status;
  });
}

/** An approval whose credit is no longer offered shows only the line saying so; credit past its end says it has ended. */
function applyCredit(facts: CourseFactsNow): void {
  document.querySelectorAll<HTMLElement>('[data-approval]').forEach((approval) => {
    const offered = facts.approvals[Number(approval.dataset['approval'])] !== false;
    approval.querySelectorAll<HTMLElement>('[data-approval-credit]').forEach((part) => {
      part.hidden = !offered;
    });
    const note = approval.dataset['lapsedNote'];
    if (offered || note === undefined || approval.querySelector('[data-approval-lapsed]')) return;
    const lapsed = document.createElement('p');
    lapsed.dataset['approvalLapsed'] = '';
    lapsed.textContent = note;
    approval.append(lapsed);
  });
  document.querySelectorAll<HTMLElement>('[data-credit-given]').forEach((line) => {
    line.hidden = (line.dataset['creditGiven'] === 'true') !== facts.creditGiven;
  });
}

function recheck(now: number): void {
  const source = document.querySelector<HTMLElement>('[data-course-clock]')?.dataset['courseClock'];
  if (source === undefined) return;
  const facts = courseFactsAt(JSON.parse(source) as CourseClock, now);
  document.querySelectorAll<HTMLElement>('[data-offering]').forEach((offering) => {
    const each = facts.offerings[Number(offering.dataset['offering'])];
    if (each) applyOffering(offering, each);
  });
  applyCredit(facts);
}

void showLocalTimes();
recheck(Date.now());
