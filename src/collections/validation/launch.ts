/**
 * `npm run check -- --launch`: everything still between this repository and a site a provider
 * can put its name on, each with its fix. Nothing here is a content error (the site builds and
 * reads well without a logo or an About page); these are what a real launch needs, named so
 * that nobody fills them in with invented facts. Each item is a named rule, tested alone.
 */
import type { ContentSet } from './load-content.ts';
import type { ContentProblem } from './problems.ts';
import {
  courseOfferings,
  offeringStatus,
  type TimeStatus,
} from '../../domain/offerings/offerings.ts';
import { isPublished } from '../../domain/offerings/publishing.ts';

export interface LaunchInput {
  content: ContentSet;
  /** Compliance warnings from the same check (compliance.ts). */
  warnings: readonly ContentProblem[];
  /** The content folder as an editor writes it, such as `content`. */
  contentDir: string;
  now: Date;
}

interface LaunchRule {
  name: string;
  check: (input: LaunchInput) => ContentProblem[];
}

/** Host names reserved for examples and tests (RFC 2606, RFC 6761): never a real site. */
const PLACEHOLDER_HOST =
  /(?:^|\.)(?:example\.(?:com|org|net)|localhost|[^.]+\.(?:example|test|invalid|localhost))$/i;

export function isPlaceholderUrl(url: string): boolean {
  return PLACEHOLDER_HOST.test(new URL(url).hostname);
}

const pageAbout = (content: ContentSet, word: RegExp) =>
  content.pages.some(({ id, data }) => word.test(id) || word.test(data.title));

function missingPage(what: string, word: RegExp, slug: string, title: string): LaunchRule {
  return {
    name: `${slug} page`,
    check: ({ content, contentDir }) =>
      pageAbout(content, word)
        ? []
        : [
            {
              file: `${contentDir}/pages/`,
              field: '',
              message: `There is no ${what} page.`,
              fix: `Write content/pages/${slug}.md (title: ${title}, nav: footer) with your organisation's own text; it appears at /${slug}/ and in every page's footer.`,
            },
          ],
  };
}

export const LAUNCH_RULES: readonly LaunchRule[] = [
  {
    name: 'site URL',
    check: ({ content: { site }, contentDir }) =>
      isPlaceholderUrl(site.url)
        ? [
            {
              file: `${contentDir}/site.yaml`,
              field: 'url',
              message: `The site URL ${site.url} is a placeholder: canonical links, the sitemap, the feed and the social cards would point there.`,
              found: JSON.stringify(site.url),
              fix: 'Set url to the address the site will be served at, such as https://courses.your-organisation.org.',
            },
          ]
        : [],
  },
  {
    name: 'logo',
    check: ({ content: { site }, contentDir }) =>
      site.brand
        ? []
        : [
            {
              file: `${contentDir}/site.yaml`,
              field: 'brand',
              message:
                'The site has no logo or brand colour: the header shows the site name as text, in the site’s own colours.',
              fix: 'Save your logo (SVG or PNG) under content/, such as content/brand/logo.svg, and add `brand: { logo: brand/logo.svg, color: "#0b5c6b" }` to site.yaml; the check tells you if the colour is too faint.',
            },
          ],
  },
  missingPage('privacy', /privacy/i, 'privacy', 'Privacy policy'),
  missingPage('accessibility', /accessib/i, 'accessibility', 'Accessibility statement'),
  {
    name: 'contact details',
    check: ({ content: { site, sponsors }, contentDir }) => {
      const contact = sponsors.find(({ id }) => id === site.organization)?.data.contact;
      const any =
        site.contactEmail ?? contact?.email ?? contact?.phone ?? contact?.address ?? undefined;
      return any !== undefined
        ? []
        : [
            {
              file: `${contentDir}/sponsors/${site.organization}.yaml`,
              field: 'contact',
              message:
                'The publisher gives no e-mail, telephone or postal address, so the footer and the structured data name no way to reach it.',
              fix: 'Add `contact: { email: …, phone: …, address: … }` with the details attendees should use (any of the three).',
            },
          ];
    },
  },
  {
    name: 'CMS backend',
    check: ({ content: { site }, contentDir }) =>
      site.cms
        ? []
        : [
            {
              file: `${contentDir}/site.yaml`,
              field: 'cms',
              message:
                'The admin (/admin/) has no production backend, so editors can only use it on their own computer (`npm run cms`).',
              fix: 'Add `cms: { backend: github, repo: your-organisation/courses, branch: main }` (or gitlab, or git-gateway on Netlify) and do the one-time login set-up in the README, "Put it online".',
            },
          ],
  },
  {
    name: 'registration links',
    check: ({ content: { courses }, now }) =>
      courses
        .filter(({ data }) => isPublished(data, now, 'production'))
        .flatMap(({ file, data }) => {
          const open = courseOfferings(data).filter((offering) => {
            const status: TimeStatus = offeringStatus(offering, now);
            return (
              (status === 'upcoming' || status === 'on-demand') &&
              offering.status === 'open' &&
              offering.registrationUrl === undefined
            );
          });
          return open.map((offering) => ({
            file,
            field:
              offering.path.length > 0
                ? `offerings[${String(offering.path[1])}].registrationUrl`
                : 'registrationUrl',
            message:
              'This course is open for registration, but there is no registration link, so the page offers no way to enrol.',
            fix: 'Add registrationUrl with the address of the registration form (https://…).',
          }));
        }),
  },
  {
    name: 'compliance warnings',
    check: ({ warnings, contentDir }) =>
      warnings.length === 0
        ? []
        : [
            {
              file: contentDir,
              field: '',
              message: `${warnings.length} compliance ${warnings.length === 1 ? 'warning' : 'warnings'}: promotional items a CE body requires that a course does not state (listed above).`,
              fix: 'Add each missing item to its course; `npm run check` lists them with their fixes.',
            },
          ],
  },
  {
    name: 'strict compliance',
    check: ({ content: { site }, contentDir }) =>
      site.strictCompliance
        ? []
        : [
            {
              file: `${contentDir}/site.yaml`,
              field: 'strictCompliance',
              message:
                'strictCompliance is off, so a course that lacks an item a CE body requires is published with only a warning.',
              fix: 'Set `strictCompliance: true` once the compliance warnings are gone, so the build refuses such a course.',
            },
          ],
  },
];

/** Every launch item still open, in the order of LAUNCH_RULES. */
export function launchItems(input: LaunchInput): ContentProblem[] {
  return LAUNCH_RULES.flatMap((rule) => rule.check(input));
}
