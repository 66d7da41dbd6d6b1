import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  absoluteUrl,
  breadcrumbJsonLd,
  courseJsonLd,
  courseUrl,
  isoDuration,
  itemListJsonLd,
  organizationJsonLd,
  personJsonLd,
  serializeJsonLd,
  sessionEventsJsonLd,
  websiteJsonLd,
  type CourseJsonLdInput,
} from '../../../../src/domain/seo/json-ld.ts';
import { courseSchema, type CourseInput } from '../../../../src/collections/schemas/course.ts';
import { instructorSchema } from '../../../../src/collections/schemas/instructor.ts';
import { siteSchema } from '../../../../src/collections/schemas/site.ts';
import { sponsorSchema } from '../../../../src/collections/schemas/sponsor.ts';
import { checkStructuredData } from '../../../helpers/structured-data-checker.ts';

const CONTENT = path.resolve('content');

function frontmatter(file: string): unknown {
  const text = readFileSync(path.join(CONTENT, file), 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match?.[1]) throw new Error(`${file} has no frontmatter`);
  return parse(match[1]);
}

function yamlFile(file: string): unknown {
  return parse(readFileSync(path.join(CONTENT, file), 'utf8'));
}

// The seed, read and validated from content/ as the build does.
const site = siteSchema.parse(yamlFile('site.yaml'));
const seedSlug = 'attachment-theory-treatment-effectiveness';
const seedCourse = courseSchema.parse(frontmatter(`courses/${seedSlug}.md`));
const leslie = {
  slug: 'leslie-becker-phelps',
  data: instructorSchema.parse(frontmatter('instructors/leslie-becker-phelps.md')),
};
const praxis = sponsorSchema.parse(yamlFile('sponsors/praxis-cet.yaml'));
const ibh = sponsorSchema.parse(yamlFile('sponsors/institute-for-better-health.yaml'));
const seed: CourseJsonLdInput = {
  site,
  slug: seedSlug,
  course: seedCourse,
  instructors: [leslie],
  sponsors: [praxis, ibh],
};

const SEED_URL = 'https://courses.example.org/courses/attachment-theory-treatment-effectiveness/';
const LESLIE = {
  '@type': 'Person',
  name: 'Leslie Becker-Phelps',
  honorificSuffix: 'PhD',
  jobTitle: 'Clinical psychologist and author',
  url: 'https://courses.example.org/instructors/leslie-becker-phelps/',
};
const PRAXIS = { '@type': 'Organization', name: 'Praxis CET' };
const IBH = { '@type': 'Organization', name: 'Institute for Better Health', alternateName: 'IBH' };

const baseFields = {
  instructors: ['leslie-becker-phelps'],
  audience: 'Clinical supervisors',
  levels: ['advanced'],
  topics: ['Ethics'],
  objectives: {
    leadIn: 'Participants will be able to:',
    items: ['Apply an ethical decision-making model to supervision dilemmas.'],
  },
  approvals: [{ board: 'apa' }],
  sponsors: ['praxis-cet'],
  refundPolicy: 'praxis-refund',
} satisfies Partial<CourseInput>;

const conwayHall = {
  name: 'Conway Hall',
  streetAddress: '25 Red Lion Square',
  locality: 'London',
  postalCode: 'WC1R 4RL',
  country: 'GB',
};

/** Two days in London across the 2021 spring-forward (28 March): GMT then BST. */
const inPersonCourse = courseSchema.parse({
  ...baseFields,
  title: 'Ethics in Clinical Supervision',
  summary: 'A two-day workshop on ethical dilemmas in supervision.',
  format: 'in-person',
  timeZone: 'Europe/London',
  venue: conwayHall,
  sessions: [
    { date: '2021-03-27', start: '09:00', end: '16:00', title: 'Frameworks' },
    { date: '2021-03-28', start: '09:00', end: '16:00', title: 'Cases' },
  ],
  ceHours: 14,
} satisfies CourseInput);
const inPerson: CourseJsonLdInput = {
  site,
  slug: 'ethics-in-supervision',
  course: inPersonCourse,
  instructors: [leslie],
  sponsors: [praxis],
};

const hybridCourse = courseSchema.parse({
  ...inPersonCourse,
  title: 'Ethics in Clinical Supervision (hybrid)',
  format: 'hybrid',
  sessions: [{ date: '2021-03-27', start: '09:00', end: '16:00' }],
  ceHours: 7,
});
const hybrid: CourseJsonLdInput = { ...inPerson, slug: 'ethics-hybrid', course: hybridCourse };

const onDemandCourse = courseSchema.parse({
  ...baseFields,
  title: 'Self-Compassion for Clinicians',
  summary: 'Recorded lectures on self-compassion, at your own pace.',
  format: 'on-demand',
  timeZone: 'America/New_York',
  ceHours: 7.5,
  prices: [{ amount: 95, currency: 'USD' }],
  registrationUrl: 'https://www.example.org/register/self-compassion',
} satisfies CourseInput);
const onDemand: CourseJsonLdInput = {
  site,
  slug: 'self-compassion',
  course: onDemandCourse,
  instructors: [leslie],
  sponsors: [praxis, ibh],
};

describe('URLs', () => {
  it('builds page URLs from the site URL with or without a trailing slash', () => {
    expect(courseUrl({ url: 'https://courses.example.org' }, 'a-course')).toBe(
      'https://courses.example.org/courses/a-course/',
    );
    expect(courseUrl({ url: 'https://courses.example.org//' }, 'a-course')).toBe(
      'https://courses.example.org/courses/a-course/',
    );
    // The same URL the pages give: every page is served from the host's root (links are
    // root-relative), so a path in the site URL is not where the files are.
    expect(absoluteUrl({ url: 'https://example.org/ce/' }, '/courses/')).toBe(
      'https://example.org/courses/',
    );
  });
});

describe('isoDuration', () => {
  it('writes CE hours as an ISO 8601 duration', () => {
    expect(isoDuration(8)).toBe('PT8H');
    expect(isoDuration(7.5)).toBe('PT7H30M');
    expect(isoDuration(1.75)).toBe('PT1H45M');
    expect(isoDuration(0.25)).toBe('PT15M');
  });
});

describe('courseJsonLd', () => {
  it('describes the seed course with its run from the first start to the last end, across the DST change', () => {
    expect(courseJsonLd(seed)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Course',
      '@id': `${SEED_URL}#course`,
      name: 'Improving Treatment Effectiveness with Attachment Theory',
      description:
        'Help treatment-resistant clients feel safe enough to lower their defenses, with an attachment-based compassion therapy approach. Live online, 8 CE hours.',
      url: SEED_URL,
      provider: [PRAXIS, IBH],
      publisher: PRAXIS,
      inLanguage: 'en-US',
      educationalLevel: 'Beginner, Intermediate',
      teaches: seedCourse.objectives.items,
      about: [
        {
          '@type': 'Thing',
          name: 'Attachment theory',
          url: 'https://courses.example.org/topics/attachment-theory/',
        },
        {
          '@type': 'Thing',
          name: 'Self-compassion',
          url: 'https://courses.example.org/topics/self-compassion/',
        },
        {
          '@type': 'Thing',
          name: 'Affect regulation',
          url: 'https://courses.example.org/topics/affect-regulation/',
        },
        {
          '@type': 'Thing',
          name: 'Mentalizing',
          url: 'https://courses.example.org/topics/mentalizing/',
        },
        {
          '@type': 'Thing',
          name: 'Treatment resistance',
          url: 'https://courses.example.org/topics/treatment-resistance/',
        },
      ],
      audience: { '@type': 'EducationalAudience', audienceType: 'Mental health professionals' },
      educationalCredentialAwarded: '8 CE hours',
      hasCourseInstance: {
        '@type': 'CourseInstance',
        courseMode: 'Online',
        courseWorkload: 'PT8H',
        instructor: LESLIE,
        startDate: '2020-10-19T16:00:00-04:00',
        endDate: '2020-11-09T18:00:00-05:00',
        location: { '@type': 'VirtualLocation', url: SEED_URL },
      },
    });
    expect(seedCourse.objectives.items).toHaveLength(7);
  });

  it('states no offer for the seed, whose price the source does not give', () => {
    expect(courseJsonLd(seed)).not.toHaveProperty('offers');
  });

  it('gives an in-person course an Onsite instance at a Place with its postal address', () => {
    const course = courseJsonLd(inPerson);
    expect(course.hasCourseInstance).toEqual({
      '@type': 'CourseInstance',
      courseMode: 'Onsite',
      courseWorkload: 'PT14H',
      instructor: LESLIE,
      startDate: '2021-03-27T09:00:00+00:00',
      endDate: '2021-03-28T16:00:00+01:00',
      location: {
        '@type': 'Place',
        name: 'Conway Hall',
        address: {
          '@type': 'PostalAddress',
          streetAddress: '25 Red Lion Square',
          addressLocality: 'London',
          postalCode: 'WC1R 4RL',
          addressCountry: 'GB',
        },
      },
    });
    expect(course.provider).toEqual(PRAXIS);
    expect(course.educationalLevel).toBe('Advanced');
  });

  it('names the room within the venue when the content gives one', () => {
    const withRoom = {
      ...inPerson,
      course: { ...inPerson.course, venue: { ...conwayHall, room: 'Brockway Room' } },
    };
    expect(courseJsonLd(withRoom).hasCourseInstance).toMatchObject({
      location: { '@type': 'Place', name: 'Conway Hall, Brockway Room' },
    });
  });

  it('gives a hybrid course a Blended instance at both the venue and the course page', () => {
    const instance = courseJsonLd(hybrid).hasCourseInstance;
    expect(instance).toMatchObject({
      courseMode: 'Blended',
      startDate: '2021-03-27T09:00:00+00:00',
      endDate: '2021-03-27T16:00:00+00:00',
    });
    expect(instance).toHaveProperty('location', [
      expect.objectContaining({ '@type': 'Place', name: 'Conway Hall' }),
      { '@type': 'VirtualLocation', url: 'https://courses.example.org/courses/ethics-hybrid/' },
    ]);
  });

  it('gives an on-demand course an Online instance with no dates, and its price as a paid Offer', () => {
    const course = courseJsonLd(onDemand);
    expect(course.hasCourseInstance).toEqual({
      '@type': 'CourseInstance',
      courseMode: 'Online',
      courseWorkload: 'PT7H30M',
      instructor: LESLIE,
      location: {
        '@type': 'VirtualLocation',
        url: 'https://courses.example.org/courses/self-compassion/',
      },
    });
    expect(course.educationalCredentialAwarded).toBe('7.5 CE hours');
    expect(course.offers).toEqual({
      '@type': 'Offer',
      category: 'Paid',
      price: 95,
      priceCurrency: 'USD',
      url: 'https://www.example.org/register/self-compassion',
    });
  });

  it('marks a price of zero as a free course', () => {
    const free = courseSchema.parse({
      ...onDemandCourse,
      prices: [{ amount: 0, currency: 'USD' }],
      registrationUrl: undefined,
    });
    expect(courseJsonLd({ ...onDemand, course: free }).offers).toEqual({
      '@type': 'Offer',
      category: 'Free',
      price: 0,
      priceCurrency: 'USD',
    });
  });

  it('adds an image, made absolute, only when the caller has one', () => {
    expect(courseJsonLd({ ...seed, image: '/og/seed.png' }).image).toBe(
      'https://courses.example.org/og/seed.png',
    );
    expect(courseJsonLd(seed)).not.toHaveProperty('image');
  });
});

describe('sessionEventsJsonLd', () => {
  it('gives each seed session its own UTC offset: EDT in October, EST in November', () => {
    const series = sessionEventsJsonLd(seed)[0];
    const sessions = Array.isArray(series?.subEvent) ? series.subEvent : [];
    expect(sessions.map((event) => [event.startDate, event.endDate])).toEqual([
      ['2020-10-19T16:00:00-04:00', '2020-10-19T18:00:00-04:00'],
      ['2020-10-26T16:00:00-04:00', '2020-10-26T18:00:00-04:00'],
      ['2020-11-02T16:00:00-05:00', '2020-11-02T18:00:00-05:00'],
      ['2020-11-09T16:00:00-05:00', '2020-11-09T18:00:00-05:00'],
    ]);
  });

  it('builds the seed series and its first session exactly', () => {
    const series = sessionEventsJsonLd(seed)[0];
    const shared = {
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'VirtualLocation', url: SEED_URL },
      organizer: PRAXIS,
      performer: LESLIE,
      url: SEED_URL,
    };
    const { subEvent, ...rest } = series ?? {};
    expect(rest).toEqual({
      '@context': 'https://schema.org',
      '@type': 'EventSeries',
      '@id': `${SEED_URL}#sessions`,
      name: 'Improving Treatment Effectiveness with Attachment Theory',
      description: seedCourse.summary,
      startDate: '2020-10-19T16:00:00-04:00',
      endDate: '2020-11-09T18:00:00-05:00',
      ...shared,
    });
    expect(Array.isArray(subEvent) && subEvent[0]).toEqual({
      '@type': 'Event',
      name: 'Improving Treatment Effectiveness with Attachment Theory, session 1 of 4',
      description:
        'Hour 1: Attachment Theory: An overview and important concepts for therapy. Hour 2: Attachment Styles.',
      startDate: '2020-10-19T16:00:00-04:00',
      endDate: '2020-10-19T18:00:00-04:00',
      ...shared,
    });
  });

  it('states no price, rating or availability the content does not give', () => {
    const text = JSON.stringify(sessionEventsJsonLd(seed)[0]);
    for (const property of ['offers', 'price', 'aggregateRating', 'availability'])
      expect(text).not.toContain(`"${property}"`);
  });

  it('puts in-person sessions at the full Place, attended offline, named by their titles', () => {
    const series = sessionEventsJsonLd(inPerson)[0];
    const sessions = Array.isArray(series?.subEvent) ? series.subEvent : [];
    expect(
      sessions.map((event) => [event.name, event.startDate, event.eventAttendanceMode]),
    ).toEqual([
      [
        'Ethics in Clinical Supervision: Frameworks',
        '2021-03-27T09:00:00+00:00',
        'https://schema.org/OfflineEventAttendanceMode',
      ],
      [
        'Ethics in Clinical Supervision: Cases',
        '2021-03-28T09:00:00+01:00',
        'https://schema.org/OfflineEventAttendanceMode',
      ],
    ]);
    expect(sessions[1]).toHaveProperty('location', {
      '@type': 'Place',
      name: 'Conway Hall',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '25 Red Lion Square',
        addressLocality: 'London',
        postalCode: 'WC1R 4RL',
        addressCountry: 'GB',
      },
    });
    // No agenda: the course summary describes the session.
    expect(sessions[0]).toHaveProperty(
      'description',
      'A two-day workshop on ethical dilemmas in supervision.',
    );
  });

  it('marks hybrid sessions as mixed attendance at both locations, and a single session by the course title', () => {
    const series = sessionEventsJsonLd(hybrid)[0];
    const first = Array.isArray(series?.subEvent) ? series.subEvent[0] : undefined;
    expect(first).toMatchObject({
      name: 'Ethics in Clinical Supervision (hybrid)',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
    });
    expect(first).toHaveProperty('location', [
      expect.objectContaining({ '@type': 'Place' }),
      { '@type': 'VirtualLocation', url: 'https://courses.example.org/courses/ethics-hybrid/' },
    ]);
  });

  it('puts a stated price on the series, not on each session', () => {
    const priced = courseSchema.parse({
      ...inPersonCourse,
      prices: [{ amount: 250, currency: 'GBP' }],
    });
    const series = sessionEventsJsonLd({ ...inPerson, course: priced })[0];
    expect(series?.offers).toEqual({
      '@type': 'Offer',
      category: 'Paid',
      price: 250,
      priceCurrency: 'GBP',
    });
    expect(Array.isArray(series?.subEvent) && series.subEvent[0]).not.toHaveProperty('offers');
  });

  it('has no events for an on-demand course', () => {
    expect(sessionEventsJsonLd(onDemand)).toEqual([]);
  });
});

describe('itemListJsonLd', () => {
  const courses = [
    {
      slug: seedSlug,
      name: seedCourse.title,
      description: seedCourse.summary,
      providerName: 'Praxis CET',
    },
    {
      slug: 'self-compassion',
      name: onDemandCourse.title,
      description: onDemandCourse.summary,
      providerName: 'Praxis CET',
    },
  ];

  it('lists the courses by the URL of their pages (Google’s summary-page style)', () => {
    expect(itemListJsonLd(site, courses)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: SEED_URL },
        {
          '@type': 'ListItem',
          position: 2,
          url: 'https://courses.example.org/courses/self-compassion/',
        },
      ],
    });
  });

  it('embeds each Course in the all-in-one style, at an anchor of the catalog page', () => {
    expect(itemListJsonLd(site, courses, { style: 'all-in-one' }).itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        item: {
          '@type': 'Course',
          url: `https://courses.example.org/courses/#${seedSlug}`,
          name: seedCourse.title,
          description: seedCourse.summary,
          provider: PRAXIS,
        },
      },
      {
        '@type': 'ListItem',
        position: 2,
        item: {
          '@type': 'Course',
          url: 'https://courses.example.org/courses/#self-compassion',
          name: 'Self-Compassion for Clinicians',
          description: 'Recorded lectures on self-compassion, at your own pace.',
          provider: PRAXIS,
        },
      },
    ]);
  });
});

describe('site-wide nodes', () => {
  it('builds a BreadcrumbList with positions from 1', () => {
    expect(
      breadcrumbJsonLd([
        { name: 'Home', url: 'https://courses.example.org/' },
        { name: 'Courses', url: 'https://courses.example.org/courses/' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://courses.example.org/' },
        {
          '@type': 'ListItem',
          position: 2,
          name: 'Courses',
          item: 'https://courses.example.org/courses/',
        },
      ],
    });
  });

  it('builds the publishing Organization and the WebSite that points at it', () => {
    expect(organizationJsonLd(site, praxis)).toEqual({
      '@context': 'https://schema.org',
      '@id': 'https://courses.example.org/#organization',
      '@type': 'Organization',
      name: 'Praxis CET',
    });
    expect(websiteJsonLd({ ...site, url: 'https://courses.example.org/' })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': 'https://courses.example.org/#website',
      name: 'Praxis CET',
      url: 'https://courses.example.org/',
      description: site.description,
      inLanguage: 'en-US',
      publisher: { '@id': 'https://courses.example.org/#organization' },
    });
  });

  it('builds an instructor’s Person with photo and links when given', () => {
    expect(personJsonLd({ site, slug: leslie.slug, instructor: leslie.data })).toEqual({
      '@context': 'https://schema.org',
      ...LESLIE,
    });
    const withExtras = instructorSchema.parse({
      ...leslie.data,
      photo: 'photos/leslie.jpg',
      links: [{ label: 'Website', url: 'https://www.example.com/leslie' }],
    });
    expect(
      personJsonLd({
        site,
        slug: leslie.slug,
        instructor: withExtras,
        image: '/_astro/leslie.Bx1.webp',
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      ...LESLIE,
      image: 'https://courses.example.org/_astro/leslie.Bx1.webp',
      sameAs: 'https://www.example.com/leslie',
    });
  });
});

describe('serializeJsonLd', () => {
  it('escapes markup so content cannot close the script element', () => {
    const data = { name: 'A </script><script>alert(1)</script> & <!-- b -->' };
    const json = serializeJsonLd(data);
    expect(json).toBe(
      '{"name":"A \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u003c!-- b --\\u003e"}',
    );
    expect(JSON.parse(json)).toEqual(data);
  });

  it('writes no whitespace between tokens and escapes line and paragraph separators', () => {
    expect(serializeJsonLd({ a: [1, { b: 'x\u2028y' }] })).toBe('{"a":[1,{"b":"x\\u2028y"}]}');
  });
});

describe('structured-data checker on every builder', () => {
  const pages: [string, unknown[], Parameters<typeof checkStructuredData>[1]['pageKind']][] = [
    ['seed course page', [courseJsonLd(seed), sessionEventsJsonLd(seed)[0]], 'course'],
    ['in-person course page', [courseJsonLd(inPerson), sessionEventsJsonLd(inPerson)[0]], 'course'],
    ['hybrid course page', [courseJsonLd(hybrid), sessionEventsJsonLd(hybrid)[0]], 'course'],
    ['on-demand course page', [courseJsonLd(onDemand)], 'course'],
    [
      'catalog',
      [itemListJsonLd(site, [{ slug: seedSlug, name: 'A', description: 'B', providerName: 'C' }])],
      'catalog',
    ],
    ['home', [websiteJsonLd(site), organizationJsonLd(site, praxis)], 'home'],
    [
      'instructor page',
      [
        personJsonLd({ site, slug: leslie.slug, instructor: leslie.data }),
        breadcrumbJsonLd([
          { name: 'Home', url: 'https://courses.example.org/' },
          {
            name: 'Leslie Becker-Phelps',
            url: 'https://courses.example.org/instructors/leslie-becker-phelps/',
          },
        ]),
      ],
      'instructor',
    ],
  ];

  it.each(pages)('finds no errors on the %s', (_name, nodes, pageKind) => {
    expect(checkStructuredData(nodes, { pageKind }).errors).toEqual([]);
  });
});

describe('a course given more than once', () => {
  const {
    format: _format,
    timeZone: _zone,
    venue: _venue,
    sessions: _sessions,
    ...teaching
  } = inPersonCourse;
  const course = courseSchema.parse({
    ...teaching,
    offerings: [
      {
        id: 'london',
        format: 'in-person',
        timeZone: 'Europe/London',
        venue: conwayHall,
        sessions: inPersonCourse.sessions,
        prices: [{ amount: 250, currency: 'GBP' }],
        status: 'sold-out',
      },
      {
        id: 'autumn',
        format: 'live-online',
        timeZone: 'Europe/London',
        sessions: [
          { date: '2021-10-02', start: '09:00', end: '16:00' },
          { date: '2021-10-03', start: '09:00', end: '16:00' },
        ],
        status: 'cancelled',
      },
      {
        format: 'on-demand',
        timeZone: 'Europe/London',
        prices: [
          { amount: 150, currency: 'GBP', kind: 'early-bird', until: '2021-05-31' },
          { amount: 200, currency: 'GBP' },
        ],
      },
    ],
  });
  const input: CourseJsonLdInput = { ...inPerson, course };

  it('gives one CourseInstance per offering, with its own mode, dates, status and offers, and no offers on the Course', () => {
    const node = courseJsonLd({ ...input, now: new Date('2021-06-15T00:00:00Z') });
    expect(node).not.toHaveProperty('offers');
    expect(node.hasCourseInstance).toEqual([
      expect.objectContaining({
        courseMode: 'Onsite',
        startDate: '2021-03-27T09:00:00+00:00',
        endDate: '2021-03-28T16:00:00+01:00',
        offers: {
          '@type': 'Offer',
          category: 'Paid',
          price: 250,
          priceCurrency: 'GBP',
          availability: 'https://schema.org/SoldOut',
        },
      }),
      expect.objectContaining({
        courseMode: 'Online',
        startDate: '2021-10-02T09:00:00+01:00',
        eventStatus: 'https://schema.org/EventCancelled',
      }),
      // The early bird ended on May 31, so only the standard price is offered.
      expect.objectContaining({
        courseMode: 'Online',
        offers: { '@type': 'Offer', category: 'Paid', price: 200, priceCurrency: 'GBP' },
      }),
    ]);
  });

  it('states an early bird with its validThrough while it lasts', () => {
    const [, , onDemand] = courseJsonLd({ ...input, now: new Date('2021-05-01T00:00:00Z') })
      .hasCourseInstance as unknown as Record<string, unknown>[];
    expect(onDemand!['offers']).toEqual([
      {
        '@type': 'Offer',
        category: 'Paid',
        price: 150,
        priceCurrency: 'GBP',
        name: 'Early bird',
        validThrough: '2021-05-31T23:00:00Z',
      },
      { '@type': 'Offer', category: 'Paid', price: 200, priceCurrency: 'GBP', name: 'Standard' },
    ]);
  });

  it('gives each dated offering its own EventSeries, a cancelled one marked so, and none for on demand', () => {
    const series = sessionEventsJsonLd(input);
    expect(series.map((node) => [node['@id'], node.eventStatus])).toEqual([
      [
        'https://courses.example.org/courses/ethics-in-supervision/#sessions-london',
        'https://schema.org/EventScheduled',
      ],
      [
        'https://courses.example.org/courses/ethics-in-supervision/#sessions-autumn',
        'https://schema.org/EventCancelled',
      ],
    ]);
  });
});
