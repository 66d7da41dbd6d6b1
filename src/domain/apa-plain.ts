/**
 * APA references for "plain" readings written without citeproc: what formatEach's citeproc
 * call gives them, byte for byte, for a fiftieth of the CPU or less (citeproc takes about 1 ms a
 * reading). A reading is plain when each of
 * its fields is in the narrow form this file knows how citeproc prints (`isPlain`); any other
 * reading, and any field combination outside the four usual shapes, goes to citeproc. The
 * equality is checked by a property test over generated plain readings against citeproc
 * (tests/unit/domain/apa-plain.test.ts); an upgrade of citeproc or of citation-js's APA style
 * that prints them otherwise fails it.
 */
import type { PersonName, Reading } from '../collections/schemas/reading.ts';

/** citeproc's bibliography entry (inner HTML, unlinked) and sort keys for a plain reading. */
export interface PlainReference {
  html: string;
  sortKeys: (string | null)[];
}

// A family name of capitalised parts (MacLeod, Becker-Phelps); given names as initials with
// periods, as citeproc prints them (`initialize-with=". "`).
const FAMILY = /^(?:[A-Z][a-z]+)+(?:-(?:[A-Z][a-z]+)+)*$/;
const INITIALS = /^[A-Z]\.(?: [A-Z]\.)*$/;
// Words of letters and digits, joined by single spaces, hyphens, ", ", ": " or " & ". citeproc
// prints such a title as written but for escaping the &: no quotes to curl, no end punctuation.
const TITLE = /^[A-Za-z0-9]+(?:(?:[ -]|, |: | & )[A-Za-z0-9]+)*$/;
// Journal names are title-cased by the style; plain ones already are: capitalised words, and
// short lower-case words that citeproc keeps lower case, never first or last.
const JOURNAL_WORD = /^[A-Z][a-z]*$/;
const LOWER_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);
const NUMBER = /^[1-9]\d{0,5}$/;
const PUBLISHER = /^[A-Z][A-Za-z]*\.?(?: (?:&|[A-Z][A-Za-z]*\.?))*$/;
const DOI = /^10\.\d{4,9}\/[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*$/;
const URL_PLAIN = /^https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[A-Za-z0-9_-]+)*\/?$/;
// APA lists up to 20 names in full; more take citeproc's "…" form.
const MAX_NAMES = 20;

const plainNames = (names: readonly PersonName[]) =>
  names.length >= 1 &&
  names.length <= MAX_NAMES &&
  names.every(
    ({ family, given }) => FAMILY.test(family) && given !== undefined && INITIALS.test(given),
  );

function plainJournal(name: string): boolean {
  const words = name.split(' ');
  return words.every((word, index) =>
    index === 0 || index === words.length - 1
      ? JOURNAL_WORD.test(word)
      : JOURNAL_WORD.test(word) || LOWER_WORDS.has(word) || word === '&',
  );
}

/** A page range citeproc prints as it is but for the en dash (expanded, ascending). */
function plainPages(pages: string): boolean {
  const match = /^(\d{1,6})-(\d{1,6})$/.exec(pages);
  if (match === null) return NUMBER.test(pages);
  const [, first = '', last = ''] = match;
  return first[0] !== '0' && first.length === last.length && Number(last) > Number(first);
}

/** Whether `reading` is one formatPlain formats as citeproc does. */
export function isPlain(reading: Reading): boolean {
  const { type } = reading;
  if (!TITLE.test(reading.title)) return false;
  if (reading.publisher !== undefined && !PUBLISHER.test(reading.publisher)) return false;
  if (reading.doi !== undefined && !DOI.test(reading.doi)) return false;
  if (reading.doi === undefined && reading.url !== undefined && !URL_PLAIN.test(reading.url))
    return false;
  if (reading.pages !== undefined && !plainPages(reading.pages)) return false;
  if (type === 'article') {
    return (
      plainNames(reading.authors) &&
      reading.containerTitle !== undefined &&
      plainJournal(reading.containerTitle) &&
      (reading.volume === undefined || NUMBER.test(reading.volume)) &&
      (reading.issue === undefined ||
        (reading.volume !== undefined && NUMBER.test(reading.issue))) &&
      reading.edition === undefined &&
      reading.publisher === undefined
    );
  }
  if (reading.volume !== undefined || reading.issue !== undefined) return false;
  if (type === 'chapter') {
    return (
      plainNames(reading.authors) &&
      (reading.editors.length === 0 || plainNames(reading.editors)) &&
      reading.containerTitle !== undefined &&
      TITLE.test(reading.containerTitle)
    );
  }
  // A book or an edited book: no container, no pages.
  return (
    plainNames(type === 'edited-book' ? reading.editors : reading.authors) &&
    reading.containerTitle === undefined &&
    reading.pages === undefined
  );
}

/** Names inverted ("Roe, J."), "A, B, &#38; C" as APA joins them, with a comma even for two. */
function authorList(names: readonly PersonName[]): string {
  const rendered = names.map(({ family, given }) => `${family}, ${given!}`);
  if (rendered.length === 1) return rendered[0]!;
  return `${rendered.slice(0, -1).join(', ')}, &#38; ${rendered.at(-1)!}`;
}

/** The editors of a chapter, given name first, "A &#38; B" for two. */
function editorList(names: readonly PersonName[]): string {
  const rendered = names.map(({ family, given }) => `${given!} ${family}`);
  if (rendered.length === 1) return rendered[0]!;
  if (rendered.length === 2) return `${rendered[0]!} &#38; ${rendered[1]!}`;
  return `${rendered.slice(0, -1).join(', ')}, &#38; ${rendered.at(-1)!}`;
}

function ordinal(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return `${value}th`;
  return `${value}${{ 1: 'st', 2: 'nd', 3: 'rd' }[value % 10] ?? 'th'}`;
}

const pageRange = (pages: string) => pages.replace('-', '–');

/** citeproc's escaping of a plain field: only `&` occurs. */
const escaped = (text: string) => text.replaceAll('&', '&#38;');

function identifier(reading: Reading): string {
  if (reading.doi !== undefined) return ` https://doi.org/${reading.doi}`;
  if (reading.url !== undefined) return ` ${reading.url}`;
  return '';
}

/** citeproc's entry and sort keys for a reading for which isPlain holds. */
export function formatPlain(reading: Reading): PlainReference {
  const lead = reading.type === 'edited-book' ? reading.editors : reading.authors;
  let html = authorList(lead);
  if (reading.type === 'edited-book') html += ` (${lead.length === 1 ? 'Ed.' : 'Eds.'}).`;
  html += ` (${reading.year}). `;
  const edition = reading.edition === undefined ? undefined : `${ordinal(reading.edition)} ed.`;
  if (reading.type === 'article') {
    html += `${escaped(reading.title)}. <i>${escaped(reading.containerTitle!)}</i>`;
    if (reading.volume !== undefined) {
      html += `, <i>${reading.volume}</i>`;
      if (reading.issue !== undefined) html += `(${reading.issue})`;
    }
    if (reading.pages !== undefined) html += `, ${pageRange(reading.pages)}`;
    html += '.';
  } else if (reading.type === 'chapter') {
    html += `${escaped(reading.title)}. In `;
    if (reading.editors.length > 0)
      html += `${editorList(reading.editors)} (${reading.editors.length === 1 ? 'Ed.' : 'Eds.'}), `;
    html += `<i>${escaped(reading.containerTitle!)}</i>`;
    const pages =
      reading.pages === undefined
        ? undefined
        : `${reading.pages.includes('-') ? 'pp.' : 'p.'} ${pageRange(reading.pages)}`;
    const details = [edition, pages].filter((part) => part !== undefined);
    if (details.length > 0) html += ` (${details.join(', ')})`;
    html += '.';
  } else {
    html += `<i>${escaped(reading.title)}</i>`;
    if (edition !== undefined) html += ` (${edition})`;
    html += '.';
  }
  if (reading.publisher !== undefined && reading.type !== 'article')
    html += ` ${escaped(reading.publisher)}${reading.publisher.endsWith('.') ? '' : '.'}`;
  html += identifier(reading);
  const nameKey = `${lead.map(({ family, given }) => `${family} ${given!}`).join(', ')}`;
  return {
    html,
    sortKeys: [
      `${nameKey.replaceAll(' ', '|')}|`,
      '1|',
      `1${reading.year}00001${'0'.repeat(8)}|`,
      null,
      `${reading.title.replaceAll(' ', '|')}|`,
      reading.type === 'article' && reading.volume !== undefined
        ? `${reading.volume.padStart(20, '0')}|`
        : null,
      null,
      null,
      null,
      null,
    ],
  };
}
