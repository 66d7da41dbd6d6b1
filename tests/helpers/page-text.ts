/** A built page's text as a reader sees it: whitespace collapsed, key facts as label → value. */
import type { CheerioAPI } from 'cheerio';

export const clean = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The text of each element `selector` matches. */
export const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .toArray()
    .map((element) => clean($(element).text()));

/** The key facts as label → value, the way a reader scans them. */
export const keyFacts = ($: CheerioAPI) =>
  Object.fromEntries(
    $('.key-facts dl > div')
      .toArray()
      .map((row) => [clean($(row).children('dt').text()), clean($(row).children('dd').text())]),
  );
