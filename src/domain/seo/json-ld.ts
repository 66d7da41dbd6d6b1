/**
 * JSON-LD for every page kind, typed with schema-dts. Each builder is pure: it takes validated
 * content plus the entries its references resolve to, and states only what the content states
 * (no price, rating or availability unless the content gives one).
 *
 * Targets: Google's Course list, Event, Carousel (ItemList) and Breadcrumb structured data, and
 * a complete schema.org Course + CourseInstance for other consumers (Google retired its Course
 * info result in 2025). tests/helpers/structured-data-checker.ts holds those rules and checks
 * these builders against them.
 */
import type {
  BreadcrumbList,
  EducationalOccupationalCredential,
  Course as CourseNode,
  CourseInstance,
  EducationalAudience,
  Event,
  EventSeries,
  ItemList,
  ListItem,
  Offer,
  OrganizationLeaf,
  PersonLeaf,
  Place,
  PostalAddress,
  Thing,
  VirtualLocation,
  WebSite,
  WithContext,
} from 'schema-dts';
import type { Board } from '../../collections/schemas/board.ts';
import type { Course, Venue } from '../../collections/schemas/course.ts';
import type { CourseFormat } from '../../collections/schemas/format.ts';
import type { Instructor } from '../../collections/schemas/instructor.ts';
import type { Session } from '../../collections/schemas/session.ts';
import type { SiteSettings } from '../../collections/schemas/site.ts';
import type { Sponsor } from '../../collections/schemas/sponsor.ts';
import type { Credit } from '../ce/ce-approvals.ts';
import { creditText } from '../ce/ce-text.ts';
import { hoursText, LEVEL_LABELS, paths, siteUrl } from '../labels.ts';
import { courseOfferings, type Offering } from '../offerings/offerings.ts';
import { priceLines, type PriceLine } from '../offerings/prices.ts';
import { requireZonedInstant, type ZonedInstant } from '../time/zoned-time.ts';

const CONTEXT = 'https://schema.org';

// ---------------------------------------------------------------------------------------------
// URLs

/** An absolute URL for a site path such as `/courses/`: the same as the pages' (`siteUrl`). */
export function absoluteUrl(site: Pick<SiteSettings, 'url'>, path: string): string {
  return siteUrl(site.url, path);
}

export function homeUrl(site: Pick<SiteSettings, 'url'>): string {
  return absoluteUrl(site, paths.home());
}

export function catalogUrl(site: Pick<SiteSettings, 'url'>): string {
  return absoluteUrl(site, paths.courses());
}

export function courseUrl(site: Pick<SiteSettings, 'url'>, slug: string): string {
  return absoluteUrl(site, paths.course(slug));
}

export function instructorUrl(site: Pick<SiteSettings, 'url'>, slug: string): string {
  return absoluteUrl(site, paths.instructor(slug));
}

/** `@id` of the organisation that publishes the site, so WebSite can point at it. */
export function siteOrganizationId(site: Pick<SiteSettings, 'url'>): string {
  return `${homeUrl(site)}#organization`;
}

// ---------------------------------------------------------------------------------------------
// Inputs

export interface ResolvedInstructor {
  slug: string;
  /** The photo is left out: pages pass its optimised URL where they show it. */
  data: Omit<Instructor, 'photo'>;
}

export interface CourseJsonLdInput {
  site: SiteSettings;
  /** The course's published slug (its `slug` field, or the file name). */
  slug: string;
  course: Course;
  /** The course's instructors, resolved, in the course's order. */
  instructors: ResolvedInstructor[];
  /** The course's sponsors, resolved, in the course's order; the first is the publisher and organiser. */
  sponsors: Sponsor[];
  /** An image of the course (absolute URL, or a path on the site), when the page has one. */
  image?: string;
  /** The credit each body gives, from the course's resolved approvals. */
  credits?: { board: Board; credit: Credit }[];
  /**
   * The course's offerings with the prices that apply at build time, as the course view holds
   * them (src/views/catalog.ts), so the page's markup and its key facts share one computation.
   */
  offerings?: readonly PricedOffering[];
  /**
   * Without `offerings`, the clock the prices are read at: those whose last day has passed are
   * left out. All prices when left out.
   */
  now?: Date;
}

/** An offering and its prices at build time. */
export interface PricedOffering {
  offering: Offering;
  prices: readonly PriceLine[];
}

export interface CatalogCourse {
  slug: string;
  name: string;
  description: string;
  providerName: string;
}

export interface ItemListOptions {
  /**
   * `summary` (the default): the catalog links to a details page per course, which carries the
   * full Course markup; Google's carousel rules say each ListItem then has only `@type`,
   * `position` and `url`. `all-in-one`: every course is described on the catalog page itself;
   * each ListItem embeds the Course, whose url is the catalog URL with `#<slug>`, so the page
   * must give each course an element with that id.
   */
  style?: 'summary' | 'all-in-one';
}

export interface BreadcrumbItem {
  name: string;
  /** Absolute URL. */
  url: string;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** ISO 8601 duration of a number of hours: 8 → PT8H, 7.5 → PT7H30M, 0.25 → PT15M. */
export function isoDuration(hours: number): string {
  const totalMinutes = Math.round(hours * 60);
  const wholeHours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (totalMinutes === 0) return 'PT0H';
  return `PT${wholeHours > 0 ? `${wholeHours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}`;
}

/** The courseMode values schema.org consumers understand (as Google's retired Course info listed them). */
const COURSE_MODE: Record<CourseFormat, 'Online' | 'Onsite' | 'Blended'> = {
  'live-online': 'Online',
  'on-demand': 'Online',
  'in-person': 'Onsite',
  hybrid: 'Blended',
};

const ATTENDANCE_MODE = {
  'live-online': 'https://schema.org/OnlineEventAttendanceMode',
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

function organization(sponsor: Sponsor): OrganizationLeaf {
  return {
    '@type': 'Organization',
    name: sponsor.name,
    ...(sponsor.shortName !== undefined && { alternateName: sponsor.shortName }),
    ...(sponsor.url !== undefined && { url: sponsor.url }),
  };
}

function person(site: SiteSettings, instructor: ResolvedInstructor): PersonLeaf {
  const { data } = instructor;
  return {
    '@type': 'Person',
    name: data.name,
    ...(data.credentials !== undefined && { honorificSuffix: data.credentials }),
    ...(data.role !== undefined && { jobTitle: data.role }),
    url: instructorUrl(site, instructor.slug),
  };
}

function postalAddress(venue: Venue): PostalAddress {
  return {
    '@type': 'PostalAddress',
    streetAddress: venue.streetAddress,
    addressLocality: venue.locality,
    ...(venue.region !== undefined && { addressRegion: venue.region }),
    ...(venue.postalCode !== undefined && { postalCode: venue.postalCode }),
    addressCountry: venue.country,
  };
}

function place(venue: Venue): Place {
  return {
    '@type': 'Place',
    name: venue.room ? `${venue.name}, ${venue.room}` : venue.name,
    address: postalAddress(venue),
  };
}

/**
 * Where the course happens: the course page stands for the online room (the real link is sent
 * to registrants, and is not in the content); the venue for in-person; both for hybrid.
 */
function locations(input: CourseJsonLdInput, offering: Offering): (Place | VirtualLocation)[] {
  const { site, slug } = input;
  const virtual: VirtualLocation = { '@type': 'VirtualLocation', url: courseUrl(site, slug) };
  const venue = offering.venue;
  switch (offering.format) {
    case 'live-online':
    case 'on-demand':
      return [virtual];
    case 'in-person':
      // The schema rules require a venue for in-person courses; fall back rather than throw.
      return venue ? [place(venue)] : [virtual];
    case 'hybrid':
      return venue ? [place(venue), virtual] : [virtual];
  }
}

/** One location as a single value, several as an array (Google's documented shape for mixed events). */
function locationValue(
  list: (Place | VirtualLocation)[],
): Place | VirtualLocation | (Place | VirtualLocation)[] {
  return list.length === 1 && list[0] !== undefined ? list[0] : list;
}

function imageUrl(site: SiteSettings, image: string): string {
  return URL.canParse(image) ? image : absoluteUrl(site, image);
}

function oneOrMany<T>(list: T[]): T | T[] {
  return list.length === 1 && list[0] !== undefined ? list[0] : list;
}

interface TimedSession {
  session: Session;
  start: ZonedInstant;
  end: ZonedInstant;
}

function timedSessions(offering: Offering): TimedSession[] {
  const zone = offering.timeZone;
  if (zone === undefined) return [];
  return offering.sessions.map((session) => ({
    session,
    start: requireZonedInstant(session.date, session.start, zone),
    end: requireZonedInstant(session.date, session.end, zone),
  }));
}

/** First start and last end, by instant rather than list order. */
function span(sessions: TimedSession[]): { start: ZonedInstant; end: ZonedInstant } | undefined {
  const first = sessions[0];
  if (!first) return undefined;
  let { start, end } = first;
  for (const timed of sessions) {
    if (timed.start.epochMilliseconds < start.epochMilliseconds) start = timed.start;
    if (timed.end.epochMilliseconds > end.epochMilliseconds) end = timed.end;
  }
  return { start, end };
}

/**
 * The course's offerings in the order its file gives them, with their prices: the course view's
 * (which lists them in reading order), or read from the content at `now`.
 */
function pricedOfferings(input: CourseJsonLdInput): readonly PricedOffering[] {
  const filePosition = ({ offering }: PricedOffering) => Number(offering.path[1] ?? 0);
  if (input.offerings) return input.offerings.toSorted((a, b) => filePosition(a) - filePosition(b));
  const now = input.now ?? new Date(0);
  return courseOfferings(input.course).map((offering) => ({
    offering,
    prices: priceLines(offering.prices, offering.timeZone, now),
  }));
}

/**
 * The offering's prices as Offers: each with who it is for, a last day as `validThrough`, and a
 * group price's smallest group. None when the content states no price.
 */
function offers({ offering, prices }: PricedOffering): Offer[] {
  return prices.map((line) => ({
    '@type': 'Offer',
    // The Offer categories of schema.org's Course examples; a price of 0 is a free course.
    category: line.price.amount === 0 ? 'Free' : 'Paid',
    price: line.price.amount,
    priceCurrency: line.price.currency,
    ...(line.who !== '' && { name: line.who }),
    ...(line.endsAt !== undefined && { validThrough: line.endsAt.iso }),
    ...(line.price.groupSize !== undefined && {
      eligibleQuantity: {
        '@type': 'QuantitativeValue',
        minValue: line.price.groupSize,
        unitText: 'participants',
      },
    }),
    ...(offering.status === 'sold-out' && { availability: 'https://schema.org/SoldOut' }),
    ...(offering.registrationUrl !== undefined && { url: offering.registrationUrl }),
  }));
}

// ---------------------------------------------------------------------------------------------
// Builders

/** A body's credit for the course as a schema.org credential, recognised by the body. */
function credential({
  board,
  credit,
}: {
  board: Board;
  credit: Credit;
}): EducationalOccupationalCredential {
  return {
    '@type': 'EducationalOccupationalCredential',
    name: `${creditText(credit)}, ${board.code}`,
    credentialCategory: 'Continuing education credit',
    recognizedBy: { '@type': 'Organization', name: board.fullName ?? board.code },
  };
}

/** The course page's Course, with one CourseInstance for its run (Google's Course list; schema.org Course). */
export function courseJsonLd(input: CourseJsonLdInput): WithContext<CourseNode> {
  const { site, slug, course, instructors, sponsors } = input;
  const url = courseUrl(site, slug);
  const providers = sponsors.map(organization);
  const publisher = providers[0];
  const offerings = pricedOfferings(input);
  const instances = offerings.map((priced): CourseInstance => {
    const { offering } = priced;
    const dates = offering.format === 'on-demand' ? undefined : span(timedSessions(offering));
    const instanceOffers = offers(priced);
    return {
      '@type': 'CourseInstance',
      courseMode: COURSE_MODE[offering.format],
      courseWorkload: isoDuration(course.ceHours),
      ...(instructors.length > 0 && {
        instructor: oneOrMany(instructors.map((entry) => person(site, entry))),
      }),
      ...(dates && { startDate: dates.start.iso, endDate: dates.end.iso }),
      ...(offering.status === 'cancelled' && { eventStatus: 'https://schema.org/EventCancelled' }),
      location: locationValue(locations(input, offering)),
      ...(offerings.length > 1 &&
        instanceOffers.length > 0 && { offers: oneOrMany(instanceOffers) }),
    };
  });
  const audience: EducationalAudience = {
    '@type': 'EducationalAudience',
    audienceType: course.audience,
  };
  // Each topic has a browse page on the site; its URL identifies the topic.
  const about: Thing[] = course.topics.map((topic) => ({
    '@type': 'Thing',
    name: topic,
    url: absoluteUrl(site, paths.topic(topic)),
  }));
  const image = input.image !== undefined ? imageUrl(site, input.image) : undefined;
  // A course given once states its price on the Course too; one given more often, on each instance.
  const [only] = offerings;
  const courseOffers = offerings.length === 1 && only !== undefined ? offers(only) : [];
  return {
    '@context': CONTEXT,
    '@type': 'Course',
    '@id': `${url}#course`,
    name: course.title,
    description: course.summary,
    url,
    ...(image !== undefined && { image }),
    ...(providers.length > 0 && { provider: oneOrMany(providers) }),
    ...(publisher !== undefined && { publisher }),
    inLanguage: site.language,
    educationalLevel: course.levels.map((level) => LEVEL_LABELS[level]).join(', '),
    teaches: course.objectives.items,
    about,
    audience,
    // One credential per body, in its unit; numberOfCredits is left out because schema.org
    // types it as an Integer and CE hours come in quarters.
    educationalCredentialAwarded: input.credits?.length
      ? input.credits.map(credential)
      : hoursText(course.ceHours),
    ...(courseOffers.length > 0 && { offers: oneOrMany(courseOffers) }),
    hasCourseInstance: oneOrMany(instances),
  };
}

function sessionName(course: Course, session: Session, index: number, total: number): string {
  if (session.title !== undefined) return `${course.title}: ${session.title}`;
  if (total === 1) return course.title;
  return `${course.title}, session ${index + 1} of ${total}`;
}

/** The session's agenda as one sentence per part; the course summary when it has none. */
function sessionDescription(course: Course, session: Session): string {
  if (session.agenda.length === 0) return course.summary;
  return session.agenda
    .map((item) => {
      const text = item.label !== undefined ? `${item.label}: ${item.title}` : item.title;
      return /[.!?]$/.test(text) ? text : `${text}.`;
    })
    .join(' ');
}

/**
 * The live sessions of each dated offering as an EventSeries with one Event per session, each
 * with the UTC offset in force on its own date. On-demand offerings have no events.
 */
export function sessionEventsJsonLd(input: CourseJsonLdInput): WithContext<EventSeries>[] {
  return pricedOfferings(input).flatMap((priced) => {
    const series = offeringEvents(input, priced);
    return series === undefined ? [] : [series];
  });
}

function offeringEvents(
  input: CourseJsonLdInput,
  priced: PricedOffering,
): WithContext<EventSeries> | undefined {
  const { offering } = priced;
  const { site, slug, course, instructors, sponsors } = input;
  if (offering.format === 'on-demand') return undefined;
  const sessions = timedSessions(offering);
  const dates = span(sessions);
  if (!dates) return undefined;
  const attendanceMode = ATTENDANCE_MODE[offering.format];
  const url = courseUrl(site, slug);
  const location = locationValue(locations(input, offering));
  const first = sponsors[0];
  const organizer = first !== undefined ? organization(first) : undefined;
  const performers = instructors.map((entry) => person(site, entry));
  const image = input.image !== undefined ? imageUrl(site, input.image) : undefined;
  const shared = {
    ...(image !== undefined && { image }),
    eventAttendanceMode: attendanceMode,
    eventStatus:
      offering.status === 'cancelled'
        ? 'https://schema.org/EventCancelled'
        : 'https://schema.org/EventScheduled',
    location,
    ...(organizer !== undefined && { organizer }),
    ...(performers.length > 0 && { performer: oneOrMany(performers) }),
    url,
  } as const;
  const subEvent: Event[] = sessions.map(({ session, start, end }, index) => ({
    '@type': 'Event',
    name: sessionName(course, session, index, sessions.length),
    description: sessionDescription(course, session),
    startDate: start.iso,
    endDate: end.iso,
    ...shared,
  }));
  const seriesOffers = offers(priced);
  return {
    '@context': CONTEXT,
    '@type': 'EventSeries',
    '@id': offering.id === '' ? `${url}#sessions` : `${url}#sessions-${offering.id}`,
    name: course.title,
    description: course.summary,
    startDate: dates.start.iso,
    endDate: dates.end.iso,
    ...shared,
    // The price buys the whole course, so it sits on the series, not on each session.
    ...(seriesOffers.length > 0 && { offers: oneOrMany(seriesOffers) }),
    subEvent,
  };
}

/** The catalog's ItemList, in Google's Carousel format (see ItemListOptions). */
export function itemListJsonLd(
  site: SiteSettings,
  courses: CatalogCourse[],
  options: ItemListOptions = {},
): WithContext<ItemList> {
  const style = options.style ?? 'summary';
  const itemListElement: ListItem[] = courses.map((entry, index) =>
    style === 'summary'
      ? { '@type': 'ListItem', position: index + 1, url: courseUrl(site, entry.slug) }
      : {
          '@type': 'ListItem',
          position: index + 1,
          item: {
            '@type': 'Course',
            url: `${catalogUrl(site)}#${entry.slug}`,
            name: entry.name,
            description: entry.description,
            provider: { '@type': 'Organization', name: entry.providerName },
          },
        },
  );
  return { '@context': CONTEXT, '@type': 'ItemList', itemListElement };
}

/** A BreadcrumbList from the trail, home first; urls must be absolute. */
export function breadcrumbJsonLd(items: BreadcrumbItem[]): WithContext<BreadcrumbList> {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((entry, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: entry.name,
      item: entry.url,
    })),
  };
}

/**
 * The organisation that publishes the site (site.organization, resolved), with the ways to
 * reach it the content gives (its own contact, else the site's e-mail) and its logo.
 */
export function organizationJsonLd(
  site: SiteSettings,
  sponsor: Sponsor,
  logoPath?: string,
): WithContext<OrganizationLeaf> {
  const { email = site.contactEmail, phone, address } = sponsor.contact ?? {};
  return {
    '@context': CONTEXT,
    '@id': siteOrganizationId(site),
    ...organization(sponsor),
    ...(email !== undefined && { email }),
    ...(phone !== undefined && { telephone: phone }),
    ...(address !== undefined && { address }),
    ...(logoPath !== undefined && { logo: new URL(logoPath, site.url).href }),
  };
}

/**
 * The WebSite, for the home page. No SearchAction: Google retired the sitelinks search box it
 * was for, and the search page's query parameter is not part of this module's contract.
 */
export function websiteJsonLd(site: SiteSettings): WithContext<WebSite> {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${homeUrl(site)}#website`,
    name: site.name,
    url: homeUrl(site),
    description: site.description,
    inLanguage: site.language,
    publisher: { '@id': siteOrganizationId(site) },
  };
}

/** An instructor page's Person. */
export function personJsonLd(input: {
  site: SiteSettings;
  slug: string;
  instructor: Omit<Instructor, 'photo'>;
  image?: string | undefined;
}): WithContext<PersonLeaf> {
  const { site, slug, instructor } = input;
  const sameAs = instructor.links.map((link) => link.url);
  return {
    '@context': CONTEXT,
    ...person(site, { slug, data: instructor }),
    // The optimised photo's path on the site, when the instructor has one.
    ...(input.image !== undefined && { image: absoluteUrl(site, input.image) }),
    ...(sameAs.length > 0 && { sameAs: oneOrMany(sameAs) }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element, without whitespace. `<`, `>` and
 * `&` become \u escapes so content such as `</script>` or `<!--` cannot end or alter the
 * element; U+2028 and U+2029 are escaped too for any consumer that parses it as JavaScript.
 * JSON parsers read the escapes back as the same characters.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
