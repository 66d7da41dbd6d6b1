import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  breadcrumbJsonLd,
  courseJsonLd,
  itemListJsonLd,
  serializeJsonLd,
  sessionEventsJsonLd,
} from '../../../src/domain/seo/json-ld.ts';
import { courseSchema } from '../../../src/collections/schemas/course.ts';
import { instructorSchema } from '../../../src/collections/schemas/instructor.ts';
import { siteSchema } from '../../../src/collections/schemas/site.ts';
import { sponsorSchema } from '../../../src/collections/schemas/sponsor.ts';
import { checkStructuredData, jsonLdFromHtml } from '../../helpers/structured-data-checker.ts';

type Json = Record<string, unknown>;

const CONTENT = path.resolve('content');
const read = (file: string) => readFileSync(path.join(CONTENT, file), 'utf8');
const frontmatter = (file: string): unknown =>
  parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(read(file))?.[1] ?? '');

const site = siteSchema.parse(parse(read('site.yaml')));
const seed = {
  site,
  slug: 'attachment-theory-treatment-effectiveness',
  course: courseSchema.parse(frontmatter('courses/attachment-theory-treatment-effectiveness.md')),
  instructors: [
    {
      slug: 'leslie-becker-phelps',
      data: instructorSchema.parse(frontmatter('instructors/leslie-becker-phelps.md')),
    },
  ],
  sponsors: ['praxis-cet', 'institute-for-better-health'].map((slug) =>
    sponsorSchema.parse(parse(read(`sponsors/${slug}.yaml`))),
  ),
};

/** Fresh, mutable copies of the seed course page's JSON-LD: [Course, EventSeries]. */
function seedPage(): [Json, Json] {
  return JSON.parse(JSON.stringify([courseJsonLd(seed), ...sessionEventsJsonLd(seed)])) as [
    Json,
    Json,
  ];
}

/** The object at a path of keys and indexes. */
function at(node: Json, ...keys: (string | number)[]): Json {
  let current: unknown = node;
  for (const key of keys) current = (current as Record<string | number, unknown>)[key];
  return current as Json;
}

const EVENT = 'Google Event: developers.google.com/search/docs/appearance/structured-data/event';
const COURSE_LIST =
  'Google Course list: developers.google.com/search/docs/appearance/structured-data/course';
const SCHEMA_COURSE = 'schema.org Course (Google retired its Course info result in 2025)';
const CAROUSEL =
  'Google Carousel: developers.google.com/search/docs/appearance/structured-data/carousel';
const BREADCRUMB =
  'Google Breadcrumb: developers.google.com/search/docs/appearance/structured-data/breadcrumb';
const TITLE = 'Improving Treatment Effectiveness with Attachment Theory';
const session = (n: number) => `Event "${TITLE}, session ${n + 1} of 4" at $[1].subEvent[${n}]`;

describe('checkStructuredData on the seed course page', () => {
  it('passes, noting only what Google and schema.org recommend and the content cannot state; no price is asked for', () => {
    const perSession = [0, 1, 2, 3].flatMap((n) => [
      `${session(n)}: missing recommended property "image" (${EVENT})`,
      `${session(n)}: missing recommended property "offers" (${EVENT})`,
      `Organization "Praxis CET" at $[1].subEvent[${n}].organizer: missing recommended property "url" (${EVENT})`,
    ]);
    expect(checkStructuredData(seedPage(), { pageKind: 'course' })).toEqual({
      errors: [],
      warnings: [
        `Course "${TITLE}" at $[0]: "description" has 153 characters; Google displays up to 60, so the rest is cut off (${COURSE_LIST})`,
        `Course "${TITLE}" at $[0]: missing recommended property "image" (${SCHEMA_COURSE})`,
        `EventSeries "${TITLE}" at $[1]: missing recommended property "image" (${EVENT})`,
        `EventSeries "${TITLE}" at $[1]: missing recommended property "offers" (${EVENT})`,
        `Organization "Praxis CET" at $[1].organizer: missing recommended property "url" (${EVENT})`,
        ...perSession,
      ],
    });
  });
});

describe('checkStructuredData fails when a required property goes', () => {
  it('a Course without description', () => {
    const [course, series] = seedPage();
    delete course['description'];
    expect(checkStructuredData([course, series], { pageKind: 'course' }).errors).toEqual([
      `Course "${TITLE}" at $[0]: missing required property "description" (${COURSE_LIST})`,
    ]);
  });

  it('a Course without its CourseInstance or provider', () => {
    const [course] = seedPage();
    delete course['hasCourseInstance'];
    delete course['provider'];
    expect(checkStructuredData([course], { pageKind: 'course' }).errors).toEqual([
      `Course "${TITLE}" at $[0]: missing required property "provider" (${SCHEMA_COURSE})`,
      `Course "${TITLE}" at $[0]: missing required property "hasCourseInstance" (${SCHEMA_COURSE})`,
    ]);
  });

  it('an Event without location', () => {
    const [course, series] = seedPage();
    delete at(series, 'subEvent', 1)['location'];
    expect(checkStructuredData([course, series], { pageKind: 'course' }).errors).toEqual([
      `${session(1)}: missing required property "location" (${EVENT})`,
    ]);
  });

  it('a startDate with a time but no UTC offset', () => {
    const [course, series] = seedPage();
    at(series, 'subEvent', 2)['startDate'] = '2020-11-02T16:00:00';
    expect(checkStructuredData([course, series], { pageKind: 'course' }).errors).toEqual([
      `${session(2)}: "startDate" "2020-11-02T16:00:00" has a time but no UTC offset (write it like 2020-10-19T16:00:00-04:00) (${EVENT})`,
    ]);
  });

  it('an endDate before the startDate, or a date that is not ISO 8601', () => {
    const [course, series] = seedPage();
    at(series, 'subEvent', 0)['endDate'] = '2020-10-19T15:00:00-04:00';
    at(course, 'hasCourseInstance')['startDate'] = 'October 19, 2020';
    expect(checkStructuredData([course, series], { pageKind: 'course' }).errors).toEqual([
      `CourseInstance at $[0].hasCourseInstance: "startDate" "October 19, 2020" is not an ISO 8601 date or date-time (${EVENT})`,
      `${session(0)}: "endDate" 2020-10-19T15:00:00-04:00 is before "startDate" 2020-10-19T16:00:00-04:00 (${EVENT})`,
    ]);
  });

  it('a CourseInstance without courseMode, workload or instructor, or with a mode outside Online, Onsite and Blended', () => {
    const [course] = seedPage();
    const instance = at(course, 'hasCourseInstance');
    delete instance['courseMode'];
    delete instance['courseWorkload'];
    delete instance['instructor'];
    const where = 'CourseInstance at $[0].hasCourseInstance';
    expect(checkStructuredData([course], { pageKind: 'course' }).errors).toEqual([
      `${where}: missing required property "courseMode" (${SCHEMA_COURSE}; our spec)`,
      `${where}: missing required property "instructor" (${SCHEMA_COURSE}; our spec)`,
      `${where}: needs one of "courseWorkload" or "courseSchedule" (${SCHEMA_COURSE})`,
    ]);
    instance['courseMode'] = 'Virtual';
    instance['courseWorkload'] = '8 hours';
    instance['instructor'] = at(course, 'publisher');
    expect(checkStructuredData([course], { pageKind: 'course' }).errors).toEqual([
      `${where}: "courseMode" "Virtual" is not one of Online, Onsite, Blended (${SCHEMA_COURSE})`,
      `${where}: "courseWorkload" "8 hours" is not an ISO 8601 duration such as PT8H (${SCHEMA_COURSE})`,
    ]);
  });

  it('an on-demand instance may have no dates, but a scheduled one needs both', () => {
    const [course] = seedPage();
    const instance = at(course, 'hasCourseInstance');
    delete instance['startDate'];
    delete instance['endDate'];
    expect(checkStructuredData([course], { pageKind: 'course' }).errors).toEqual([]);
    instance['courseMode'] = 'Blended';
    instance['location'] = [
      {
        '@type': 'Place',
        name: 'Conway Hall',
        address: {
          '@type': 'PostalAddress',
          streetAddress: '25 Red Lion Square',
          addressLocality: 'London',
          postalCode: 'WC1R 4RL',
          addressRegion: 'London',
          addressCountry: 'GB',
        },
      },
      instance['location'],
    ];
    expect(checkStructuredData([course], { pageKind: 'course' }).errors).toEqual([
      `CourseInstance at $[0].hasCourseInstance: missing required property "startDate" (only an on-demand, Online instance may leave it out) (our spec)`,
    ]);
    instance['startDate'] = '2020-10-19T16:00:00-04:00';
    expect(checkStructuredData([course], { pageKind: 'course' }).errors).toEqual([
      `CourseInstance at $[0].hasCourseInstance: has "startDate" but no "endDate" (our spec)`,
    ]);
  });

  it('an online event or instance with no VirtualLocation', () => {
    const [course, series] = seedPage();
    const place = {
      '@type': 'Place',
      name: 'Conway Hall',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '25 Red Lion Square',
        addressLocality: 'London',
        postalCode: 'WC1R 4RL',
        addressRegion: 'London',
        addressCountry: 'GB',
      },
    };
    at(series, 'subEvent', 3)['location'] = place;
    at(course, 'hasCourseInstance')['location'] = place;
    expect(checkStructuredData([course, series], { pageKind: 'course' }).errors).toEqual([
      `CourseInstance at $[0].hasCourseInstance: is attended online but has no VirtualLocation with the url to attend (${EVENT})`,
      `CourseInstance at $[0].hasCourseInstance: is online only but has a Place; use the mixed mode for hybrid (${EVENT})`,
      `${session(3)}: is attended online but has no VirtualLocation with the url to attend (${EVENT})`,
      `${session(3)}: is online only but has a Place; use the mixed mode for hybrid (${EVENT})`,
    ]);
  });

  it('an offline event at a Place without address, or a VirtualLocation without url', () => {
    const [, series] = seedPage();
    const event = at(series, 'subEvent', 0);
    event['eventAttendanceMode'] = 'https://schema.org/MixedEventAttendanceMode';
    event['location'] = [{ '@type': 'Place', name: 'Conway Hall' }, { '@type': 'VirtualLocation' }];
    const { errors, warnings } = checkStructuredData([event], { pageKind: 'other' });
    // A sub-event taken out alone also lacks the top-level @context.
    expect(errors).toEqual([
      `Event "${TITLE}, session 1 of 4" at $[0]: "@context" is undefined, not "https://schema.org" (our spec)`,
      `Place "Conway Hall" at $[0].location[0]: missing required property "address" (${EVENT})`,
      `VirtualLocation at $[0].location[1]: missing required property "url" (${EVENT})`,
    ]);
    expect(warnings).toContain(
      `Event "${TITLE}, session 1 of 4" at $[0]: missing recommended property "image" (${EVENT})`,
    );
  });

  it('an eventStatus or eventAttendanceMode that schema.org does not define', () => {
    const [, series] = seedPage();
    series['eventStatus'] = 'Scheduled';
    series['eventAttendanceMode'] = 'Online';
    expect(checkStructuredData([series], { pageKind: 'other' }).errors).toEqual([
      `EventSeries "${TITLE}" at $[0]: "eventAttendanceMode" "Online" is not a schema.org EventAttendanceModeEnumeration value (${EVENT})`,
      `EventSeries "${TITLE}" at $[0]: "eventStatus" "Scheduled" is not a schema.org EventStatusType value (${EVENT})`,
    ]);
  });

  it('a course Offer without category or price', () => {
    const [course] = seedPage();
    course['offers'] = { '@type': 'Offer', priceCurrency: 'USD' };
    expect(checkStructuredData([course], { pageKind: 'course' }).errors).toEqual([
      `Offer at $[0].offers: missing required property "category" (${SCHEMA_COURSE})`,
      `Offer at $[0].offers: missing required property "price" (${SCHEMA_COURSE})`,
    ]);
    course['offers'] = { '@type': 'Offer', category: 'Free' };
    expect(checkStructuredData([course], { pageKind: 'course' }).errors).toEqual([]);
  });

  it('empty values, nodes without @type, and a page without its main node', () => {
    const [course] = seedPage();
    course['inLanguage'] = '';
    course['audience'] = { audienceType: 'Mental health professionals' };
    expect(checkStructuredData([course], { pageKind: 'catalog' }).errors).toEqual([
      `Course "${TITLE}" at $[0]: "inLanguage" is empty (our spec)`,
      `node at $[0].audience: has no "@type" (our spec)`,
      'A catalog page needs a top-level ItemList node, and has none (our spec)',
    ]);
  });
});

describe('checkStructuredData on catalog lists', () => {
  const url = (slug: string) => `https://courses.example.org/courses/${slug}/`;
  const list = (itemListElement: unknown[]): Json => ({
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement,
  });
  const course = (slug: string, description = 'Short description.') => ({
    '@type': 'Course',
    url: `https://courses.example.org/courses/#${slug}`,
    name: slug,
    description,
    provider: { '@type': 'Organization', name: 'Praxis CET' },
  });

  it('passes three summary-page ListItems', () => {
    const nodes = [
      itemListJsonLd(
        site,
        ['a', 'b', 'c'].map((slug) => ({ slug, name: slug, description: 'd', providerName: 'p' })),
      ),
    ];
    expect(checkStructuredData(nodes, { pageKind: 'catalog' })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('notes a list of fewer than three courses, which Google does not show', () => {
    expect(
      checkStructuredData([list([{ '@type': 'ListItem', position: 1, url: url('a') }])], {
        pageKind: 'catalog',
      }),
    ).toEqual({
      errors: [],
      warnings: [
        `ItemList at $[0]: lists 1 course; Google shows a course list only for at least 3 (${COURSE_LIST})`,
      ],
    });
  });

  it('fails a ListItem without url, a repeated url or position, and notes extra properties', () => {
    const nodes = [
      list([
        { '@type': 'ListItem', position: 1, url: url('a'), name: 'A' },
        { '@type': 'ListItem', position: 1, url: url('a') },
        { '@type': 'ListItem', position: 3 },
      ]),
    ];
    expect(checkStructuredData(nodes, { pageKind: 'catalog' })).toEqual({
      errors: [
        `ItemList at $[0]: itemListElement[1] repeats position 1 (${CAROUSEL})`,
        `ListItem at $[0].itemListElement[2]: missing required property "url" (${CAROUSEL})`,
        `ItemList at $[0]: lists the url ${url('a')} more than once; each must be unique (${CAROUSEL})`,
      ],
      warnings: [
        `ItemList at $[0]: positions 1, 1, 3 are not 1 to 3 in order (${CAROUSEL})`,
        `ListItem "A" at $[0].itemListElement[0]: a summary-page ListItem should have only @type, position and url, not name (${CAROUSEL})`,
      ],
    });
  });

  it('checks embedded Courses in the all-in-one style, and fails a list that mixes styles', () => {
    const embedded = list([
      { '@type': 'ListItem', position: 1, item: course('a') },
      { '@type': 'ListItem', position: 2, item: { ...course('b'), description: undefined } },
      { '@type': 'ListItem', position: 3, url: url('c') },
    ]);
    expect(checkStructuredData([embedded], { pageKind: 'catalog' }).errors).toEqual([
      `ItemList at $[0]: mixes summary-page ListItems (url only) with all-in-one ListItems (item embedded); use one style (${CAROUSEL})`,
      `Course "b" at $[0].itemListElement[1].item: missing required property "description" (${COURSE_LIST})`,
    ]);
  });

  it('passes the all-in-one style and warns about descriptions Google cuts off', () => {
    const long = 'A description that runs on for well over sixty characters in all.';
    const embedded = list(
      ['a', 'b', 'c'].map((slug, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        item: course(slug, slug === 'c' ? long : 'Short.'),
      })),
    );
    expect(checkStructuredData([embedded], { pageKind: 'catalog' })).toEqual({
      errors: [],
      warnings: [
        `Course "c" at $[0].itemListElement[2].item: "description" has ${long.length} characters; Google displays up to 60, so the rest is cut off (${COURSE_LIST})`,
      ],
    });
  });
});

describe('checkStructuredData on breadcrumbs', () => {
  it('passes a trail whose last item has no item URL, and fails a missing name or relative URL', () => {
    const trail = breadcrumbJsonLd([
      { name: 'Home', url: 'https://courses.example.org/' },
      { name: 'Courses', url: 'https://courses.example.org/courses/' },
    ]) as unknown as Json;
    const items = trail['itemListElement'] as Json[];
    delete items[1]?.['item'];
    expect(checkStructuredData([trail], { pageKind: 'other' })).toEqual({
      errors: [],
      warnings: [],
    });
    delete items[1]?.['name'];
    if (items[0]) items[0]['item'] = '/';
    expect(checkStructuredData([trail], { pageKind: 'other' }).errors).toEqual([
      `ListItem "Home" at $[0].itemListElement[0]: "item" "/" is not an absolute URL (${BREADCRUMB})`,
      `ListItem at $[0].itemListElement[1]: missing required property "name" (${BREADCRUMB})`,
    ]);
  });
});

describe('jsonLdFromHtml', () => {
  it('reads back the blocks a page serialises, @graph included', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'Person', name: 'A </script> B' }],
    };
    const html = `<head><script type="application/ld+json">${serializeJsonLd(graph)}</script><script>var x;</script></head>`;
    const nodes = jsonLdFromHtml(html);
    expect(nodes).toEqual([graph]);
    expect(checkStructuredData(nodes, { pageKind: 'instructor' })).toEqual({
      errors: [],
      warnings: [],
    });
    expect(checkStructuredData(nodes, { pageKind: 'home' }).errors).toEqual([
      'A home page needs a top-level WebSite node, and has none (our spec)',
    ]);
  });
});
