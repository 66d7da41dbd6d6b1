/**
 * Progressive enhancement for course pages, loaded as a file (no inline script):
 * - beside each session, the reader's own local time when their zone differs;
 * - the course status re-checked against the reader's clock, so a page built before the
 *   course started stops offering registration once it has.
 * Without JavaScript the page already shows the schedule and the build-time status.
 */
import { localTimeNote, statusAt } from '../lib/local-time.ts';

const STATUS_LABELS = { upcoming: 'Upcoming', 'in-progress': 'In progress', past: 'Past course' } as const;

function showLocalTimes(): void {
  const schedule = document.querySelector<HTMLElement>('[data-schedule]');
  const courseZone = schedule?.dataset['timeZone'];
  if (!schedule || !courseZone) return;
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
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

function recheckStatus(): void {
  const panel = document.querySelector<HTMLElement>('[data-course-status]');
  const { start, end, status: builtStatus } = panel?.dataset ?? {};
  if (!panel || !start || !end || builtStatus === 'on-demand') return;
  const status = statusAt(start, end, new Date());
  if (status === builtStatus) return;
  panel.dataset['status'] = status;
  const label = panel.querySelector<HTMLElement>('[data-status-label]');
  if (label) {
    label.textContent = STATUS_LABELS[status];
    label.dataset['status'] = status;
  }
  if (status !== 'upcoming') panel.querySelectorAll<HTMLElement>('[data-register], [data-refund-deadline]').forEach((element) => element.remove());
  panel.querySelectorAll<HTMLElement>('[data-when]').forEach((message) => {
    message.hidden = message.dataset['when'] !== status;
  });
}

showLocalTimes();
recheckStatus();
