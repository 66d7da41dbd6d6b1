/**
 * Progressive enhancement for course pages, loaded as a file (no inline script):
 * - beside each session, the reader's own local time when their zone differs;
 * - each offering's status re-checked against the reader's clock, so a page built before an
 *   offering started (or before its on-demand access closed) stops offering registration;
 * - prices whose last day has passed (an early bird) removed.
 * Without JavaScript the page already shows the schedule and the build-time status.
 */
import { STATUS_LABELS } from '../domain/labels.ts';
import type { TimeStatus } from '../domain/offerings/offerings.ts';
import {
  localTimeNote,
  namedByOffset,
  statusAt,
  useZoneAbbreviations,
} from '../domain/time/local-time.ts';

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

/** Where an offering stands at `now`, from the instants its element carries (see offeringStatus). */
function statusNow(
  kind: string | undefined,
  start: string | undefined,
  end: string | undefined,
  now: Date,
): TimeStatus {
  if (kind === 'on-demand') {
    if (start !== undefined && now.getTime() < Date.parse(start)) return 'upcoming';
    return end !== undefined && now.getTime() >= Date.parse(end) ? 'past' : 'on-demand';
  }
  return start !== undefined && end !== undefined ? statusAt(start, end, now) : 'upcoming';
}

/** Each offering (the key facts and the list of dates): its status against the reader's clock, and no Register link once it has started or closed. */
function recheckOfferings(now: Date): void {
  for (const offering of document.querySelectorAll<HTMLElement>('[data-offering]')) {
    const { kind, start, end, status: builtStatus } = offering.dataset;
    const status = statusNow(kind, start, end, now);
    if (status === builtStatus) continue;
    offering.dataset['status'] = status;
    const label = offering.querySelector<HTMLElement>('[data-status-label]');
    if (label) {
      label.textContent = STATUS_LABELS[status];
      label.dataset['status'] = status;
    }
    if (status !== 'upcoming' && status !== 'on-demand') {
      offering
        .querySelectorAll<HTMLElement>('[data-register], [data-refund-deadline]')
        .forEach((element) => element.remove());
    }
    offering.querySelectorAll<HTMLElement>('[data-when]').forEach((message) => {
      message.hidden = message.dataset['when'] !== status;
    });
  }
}

/** Prices whose last day has passed on the reader's clock (an early bird) are taken off the page. */
function recheckPrices(now: Date): void {
  for (const price of document.querySelectorAll<HTMLElement>('[data-price-ends]')) {
    const ends = price.dataset['priceEnds'];
    if (ends !== undefined && now.getTime() >= Date.parse(ends)) price.remove();
  }
}

void showLocalTimes();
const now = new Date();
recheckOfferings(now);
recheckPrices(now);
