/**
 * Checks JSON-LD against Google's documented rules for the rich results the site aims at, and
 * against the properties our own spec asks for. A missing required property is an error; a
 * missing recommended one, or something Google only displays differently, is a warning.
 *
 * The rules are written down below as data, each set naming the page it comes from. Google's
 * Rich Results Test is the final word; this catches regressions in unit and build tests without
 * a network.
 */

export type PageKind = 'course' | 'catalog' | 'home' | 'instructor' | 'other';

export interface StructuredDataReport {
  errors: string[];
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// The rules

/** Course list: https://developers.google.com/search/docs/appearance/structured-data/course */
export const GOOGLE_COURSE_LIST = {
  course: {
    source:
      'Google Course list: developers.google.com/search/docs/appearance/structured-data/course',
    required: ['name', 'description'],
    recommended: ['provider'],
  },
  /** "description: ... Display limit of 60 characters." Longer text is cut off, not rejected. */
  descriptionDisplayLimit: 60,
  /** The technical guidelines: "You must mark up at least three courses." */
  minimumCourses: 3,
} as const;

/**
 * Carousel (ItemList), which the Course list builds on:
 * https://developers.google.com/search/docs/appearance/structured-data/carousel
 * Summary page: "The ListItem should include only the type, position, and url properties" and
 * "All URLs in the list must point to different pages on the same domain". All-in-one page: each
 * ListItem embeds the item, whose url points into the same page (one fragment per item).
 */
export const GOOGLE_CAROUSEL = {
  source: 'Google Carousel: developers.google.com/search/docs/appearance/structured-data/carousel',
  itemList: { required: ['itemListElement'] },
  summaryListItem: { required: ['position', 'url'], allowed: ['@type', 'position', 'url'] },
  allInOneListItem: { required: ['position', 'item'], itemRequired: ['url'] },
} as const;

/**
 * A complete schema.org Course with its CourseInstances, which the site keeps for consumers other
 * than Google (other search engines, aggregators, assistants). Google retired its Course info
 * rich result (announced 2025-06-12, documentation removed 2025-09-09), so none of this is
 * Google's any more: a Course without `offers` is fine (most courses state no price, and the site
 * must not invent one), and an Offer that is there is checked as schema.org defines it.
 */
export const SCHEMA_ORG_COURSE = {
  course: {
    source: 'schema.org Course (Google retired its Course info result in 2025)',
    required: ['name', 'description', 'provider', 'hasCourseInstance'],
    recommended: ['image', 'inLanguage', 'educationalCredentialAwarded'],
  },
  courseInstance: {
    required: ['courseMode'],
    /** One of these must be there. */
    requiredOneOf: ['courseSchedule', 'courseWorkload'],
    recommended: ['instructor'],
  },
  courseModes: ['Online', 'Onsite', 'Blended'],
  offer: { required: ['category'], requiredUnlessFree: ['price', 'priceCurrency'] },
  offerCategories: ['Free', 'Partially Free', 'Subscription', 'Paid'],
} as const;

/** Event: https://developers.google.com/search/docs/appearance/structured-data/event */
export const GOOGLE_EVENT = {
  event: {
    source: 'Google Event: developers.google.com/search/docs/appearance/structured-data/event',
    required: ['name', 'startDate', 'location'],
    recommended: [
      'description',
      'endDate',
      'eventAttendanceMode',
      'eventStatus',
      'image',
      'offers',
      'organizer',
      'performer',
    ],
  },
  /** An offline event's location is a Place with its address. */
  place: { required: ['address'], recommended: ['name'] },
  address: {
    recommended: [
      'streetAddress',
      'addressLocality',
      'postalCode',
      'addressRegion',
      'addressCountry',
    ],
  },
  /** An online event's location is a VirtualLocation with the url to attend. */
  virtualLocation: { required: ['url'] },
  organizer: { recommended: ['name', 'url'] },
  performer: { recommended: ['name'] },
  attendanceModes: [
    'OfflineEventAttendanceMode',
    'OnlineEventAttendanceMode',
    'MixedEventAttendanceMode',
  ],
  statuses: [
    'EventScheduled',
    'EventCancelled',
    'EventMovedOnline',
    'EventPostponed',
    'EventRescheduled',
  ],
} as const;

/** Breadcrumb: https://developers.google.com/search/docs/appearance/structured-data/breadcrumb */
export const GOOGLE_BREADCRUMB = {
  source:
    'Google Breadcrumb: developers.google.com/search/docs/appearance/structured-data/breadcrumb',
  list: { required: ['itemListElement'] },
  /** `item` may be left out of the last ListItem only (Google then uses the page's URL). */
  listItem: { required: ['position', 'name', 'item'] },
} as const;

/** What our own spec asks for, on top of Google's rules (the structured-data brief for json-ld.ts). */
export const SPEC = {
  source: 'our spec',
  /** The course page's Course. */
  course: { required: ['url', 'provider', 'hasCourseInstance'] },
  courseInstance: {
    required: ['courseMode', 'instructor', 'location'],
    requiredOneOf: ['courseWorkload', 'courseSchedule'],
  },
  person: { required: ['name'] },
  organization: { required: ['name'] },
  website: { required: ['name', 'url'] },
  /** The node each page kind must carry. */
  pageNodes: {
    course: 'Course',
    catalog: 'ItemList',
    home: 'WebSite',
    instructor: 'Person',
    other: undefined,
  } satisfies Record<PageKind, string | undefined>,
} as const;

const EVENT_TYPES = new Set([
  'Event',
  'EventSeries',
  'BusinessEvent',
  'ChildrensEvent',
  'ComedyEvent',
  'ConferenceEvent',
  'DanceEvent',
  'DeliveryEvent',
  'EducationEvent',
  'ExhibitionEvent',
  'Festival',
  'FoodEvent',
  'Hackathon',
  'LiteraryEvent',
  'MusicEvent',
  'PublicationEvent',
  'SaleEvent',
  'ScreeningEvent',
  'SocialEvent',
  'SportsEvent',
  'TheaterEvent',
  'VisualArtsEvent',
]);
const PLACE_TYPES = new Set([
  'Place',
  'LocalBusiness',
  'CivicStructure',
  'EventVenue',
  'Accommodation',
  'Residence',
]);
const CONTEXTS = new Set([
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
]);
const DATE_PROPERTIES = ['startDate', 'endDate'] as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DURATION =
  /^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;

// ---------------------------------------------------------------------------------------------
// Reading nodes

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(node: JsonObject): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type))
    return type.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

function isType(node: JsonObject, ...names: string[]): boolean {
  return types(node).some((type) => names.includes(type));
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function without(properties: readonly string[], already: readonly string[]): string[] {
  return properties.filter((property) => !already.includes(property));
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The short name of a schema.org enumeration value, given in full or short form. */
function enumName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.replace(/^https?:\/\/schema\.org\//, '');
}

/** `Event "Name" at $[0].subEvent[2]`, so a message says which node it is about. */
function describe(node: JsonObject, path: string): string {
  const type = types(node).join('/') || 'node';
  const name = typeof node['name'] === 'string' ? ` "${node['name']}"` : '';
  return `${type}${name} at ${path}`;
}

// ---------------------------------------------------------------------------------------------
// The checker

class Checker {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  error(node: JsonObject, path: string, message: string, source: string): void {
    this.errors.push(`${describe(node, path)}: ${message} (${source})`);
  }

  warn(node: JsonObject, path: string, message: string, source: string): void {
    this.warnings.push(`${describe(node, path)}: ${message} (${source})`);
  }

  requireAll(node: JsonObject, path: string, properties: readonly string[], source: string): void {
    for (const property of properties) {
      if (!isPresent(node[property]))
        this.error(node, path, `missing required property "${property}"`, source);
    }
  }

  recommendAll(
    node: JsonObject,
    path: string,
    properties: readonly string[],
    source: string,
  ): void {
    for (const property of properties) {
      if (!isPresent(node[property]))
        this.warn(node, path, `missing recommended property "${property}"`, source);
    }
  }

  requireOneOf(
    node: JsonObject,
    path: string,
    properties: readonly string[],
    source: string,
  ): void {
    if (!properties.some((property) => isPresent(node[property]))) {
      this.error(
        node,
        path,
        `needs one of ${properties.map((property) => `"${property}"`).join(' or ')}`,
        source,
      );
    }
  }

  /** Walks every object, checking each by its type; `role` says where the object sits. */
  walk(value: unknown, path: string, role: 'top' | 'nested' | 'list-item'): void {
    if (Array.isArray(value)) {
      value.forEach((entry, index) =>
        this.walk(entry, `${path}[${index}]`, role === 'top' ? 'top' : 'nested'),
      );
      return;
    }
    if (!isObject(value)) return;
    if ('@graph' in value) {
      this.walk(value['@graph'], `${path}.@graph`, 'top');
      return;
    }
    this.checkNode(value, path, role);
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('@')) continue;
      // Lists check their own items (a carousel item is a Course in a special place).
      if (key === 'itemListElement') continue;
      this.walk(child, `${path}.${key}`, 'nested');
    }
  }

  checkNode(node: JsonObject, path: string, role: 'top' | 'nested' | 'list-item'): void {
    for (const [key, value] of Object.entries(node)) {
      if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
        this.error(node, path, `"${key}" is empty`, SPEC.source);
      }
    }
    const typeNames = types(node);
    if (typeNames.length === 0) {
      // A bare reference such as { "@id": "…#organization" } needs no type.
      const onlyId = Object.keys(node).every((key) => key === '@id');
      if (!onlyId) this.error(node, path, 'has no "@type"', SPEC.source);
      return;
    }
    this.checkDates(node, path);
    if (isType(node, 'Course')) this.checkCourse(node, path, role);
    if (isType(node, 'CourseInstance')) this.checkCourseInstance(node, path);
    if (typeNames.some((type) => EVENT_TYPES.has(type))) this.checkEvent(node, path);
    if (isType(node, 'BreadcrumbList')) this.checkBreadcrumb(node, path);
    else if (isType(node, 'ItemList')) this.checkItemList(node, path);
    if (isType(node, 'Person')) this.requireAll(node, path, SPEC.person.required, SPEC.source);
    if (isType(node, 'Organization'))
      this.requireAll(node, path, SPEC.organization.required, SPEC.source);
    if (isType(node, 'WebSite')) this.requireAll(node, path, SPEC.website.required, SPEC.source);
  }

  /** startDate and endDate: ISO 8601, a time only with its UTC offset, and the end not before the start. */
  checkDates(node: JsonObject, path: string): void {
    const source = GOOGLE_EVENT.event.source;
    const parsed: Partial<Record<(typeof DATE_PROPERTIES)[number], number>> = {};
    for (const property of DATE_PROPERTIES) {
      const value = node[property];
      if (value === undefined) continue;
      if (
        typeof value !== 'string' ||
        !(DATE_ONLY.test(value) || /^\d{4}-\d{2}-\d{2}T/.test(value))
      ) {
        this.error(
          node,
          path,
          `"${property}" ${JSON.stringify(value)} is not an ISO 8601 date or date-time`,
          source,
        );
        continue;
      }
      if (!DATE_ONLY.test(value) && !DATE_TIME_WITH_OFFSET.test(value)) {
        this.error(
          node,
          path,
          `"${property}" ${JSON.stringify(value)} has a time but no UTC offset (write it like 2020-10-19T16:00:00-04:00)`,
          source,
        );
        continue;
      }
      parsed[property] = Date.parse(value);
    }
    const { startDate, endDate } = parsed;
    const bothSameKind =
      typeof node['startDate'] === 'string' &&
      typeof node['endDate'] === 'string' &&
      DATE_ONLY.test(node['startDate']) === DATE_ONLY.test(node['endDate']);
    if (startDate !== undefined && endDate !== undefined && bothSameKind && endDate < startDate) {
      this.error(
        node,
        path,
        `"endDate" ${String(node['endDate'])} is before "startDate" ${String(node['startDate'])}`,
        source,
      );
    }
  }

  checkCourse(node: JsonObject, path: string, role: 'top' | 'nested' | 'list-item'): void {
    const list = GOOGLE_COURSE_LIST.course;
    this.requireAll(node, path, list.required, list.source);
    this.recommendAll(node, path, list.recommended, list.source);
    const description = node['description'];
    if (
      typeof description === 'string' &&
      description.length > GOOGLE_COURSE_LIST.descriptionDisplayLimit
    ) {
      this.warn(
        node,
        path,
        `"description" has ${description.length} characters; Google displays up to ${GOOGLE_COURSE_LIST.descriptionDisplayLimit}, so the rest is cut off`,
        list.source,
      );
    }
    if (role !== 'top') return;

    // A page's own Course: a complete schema.org Course and our spec.
    const info = SCHEMA_ORG_COURSE.course;
    // Each missing property is reported once, under the first rule set that asks for it.
    this.requireAll(node, path, without(info.required, list.required), info.source);
    this.requireAll(node, path, without(SPEC.course.required, info.required), SPEC.source);
    this.recommendAll(node, path, info.recommended, info.source);
    for (const [index, offer] of asList(node['offers']).entries()) {
      if (isObject(offer))
        this.checkCourseOffer(
          offer,
          `${path}.offers${Array.isArray(node['offers']) ? `[${index}]` : ''}`,
        );
    }
  }

  checkCourseOffer(offer: JsonObject, path: string): void {
    const source = SCHEMA_ORG_COURSE.course.source;
    const rules = SCHEMA_ORG_COURSE.offer;
    this.requireAll(offer, path, rules.required, source);
    const category = offer['category'];
    if (
      category !== undefined &&
      !(SCHEMA_ORG_COURSE.offerCategories as readonly unknown[]).includes(category)
    ) {
      this.error(
        offer,
        path,
        `"category" ${JSON.stringify(category)} is not one of ${SCHEMA_ORG_COURSE.offerCategories.join(', ')}`,
        source,
      );
    }
    if (category !== 'Free') this.requireAll(offer, path, rules.requiredUnlessFree, source);
  }

  checkCourseInstance(node: JsonObject, path: string): void {
    const info = SCHEMA_ORG_COURSE;
    this.requireAll(
      node,
      path,
      SPEC.courseInstance.required,
      `${info.course.source}; ${SPEC.source}`,
    );
    this.requireOneOf(node, path, SPEC.courseInstance.requiredOneOf, info.course.source);
    const modes = asList(node['courseMode']);
    for (const mode of modes) {
      if (!(info.courseModes as readonly unknown[]).includes(mode)) {
        this.error(
          node,
          path,
          `"courseMode" ${JSON.stringify(mode)} is not one of ${info.courseModes.join(', ')}`,
          info.course.source,
        );
      }
    }
    const workload = node['courseWorkload'];
    if (workload !== undefined && (typeof workload !== 'string' || !ISO_DURATION.test(workload))) {
      this.error(
        node,
        path,
        `"courseWorkload" ${JSON.stringify(workload)} is not an ISO 8601 duration such as PT8H`,
        info.course.source,
      );
    }

    // Dates: an on-demand (Online) instance may have none; a scheduled one has both.
    const hasStart = isPresent(node['startDate']);
    const hasEnd = isPresent(node['endDate']);
    const onlineOnly = modes.length > 0 && modes.every((mode) => mode === 'Online');
    if (!hasStart && !onlineOnly)
      this.error(
        node,
        path,
        'missing required property "startDate" (only an on-demand, Online instance may leave it out)',
        SPEC.source,
      );
    if (hasStart && !hasEnd)
      this.error(node, path, 'has "startDate" but no "endDate"', SPEC.source);
    if (hasEnd && !hasStart)
      this.error(node, path, 'has "endDate" but no "startDate"', SPEC.source);

    const mode = modes.length === 1 ? modes[0] : undefined;
    const expected =
      mode === 'Online'
        ? 'online'
        : mode === 'Onsite'
          ? 'offline'
          : mode === 'Blended'
            ? 'mixed'
            : undefined;
    this.checkLocations(node, path, expected, SPEC.source);
  }

  checkEvent(node: JsonObject, path: string): void {
    const rules = GOOGLE_EVENT.event;
    this.requireAll(node, path, rules.required, rules.source);
    this.recommendAll(node, path, rules.recommended, rules.source);

    const mode = enumName(node['eventAttendanceMode']);
    if (
      node['eventAttendanceMode'] !== undefined &&
      !(GOOGLE_EVENT.attendanceModes as readonly unknown[]).includes(mode)
    ) {
      this.error(
        node,
        path,
        `"eventAttendanceMode" ${JSON.stringify(node['eventAttendanceMode'])} is not a schema.org EventAttendanceModeEnumeration value`,
        rules.source,
      );
    }
    const status = enumName(node['eventStatus']);
    if (
      node['eventStatus'] !== undefined &&
      !(GOOGLE_EVENT.statuses as readonly unknown[]).includes(status)
    ) {
      this.error(
        node,
        path,
        `"eventStatus" ${JSON.stringify(node['eventStatus'])} is not a schema.org EventStatusType value`,
        rules.source,
      );
    }
    const expected =
      mode === 'OnlineEventAttendanceMode'
        ? 'online'
        : mode === 'OfflineEventAttendanceMode'
          ? 'offline'
          : mode === 'MixedEventAttendanceMode'
            ? 'mixed'
            : undefined;
    this.checkLocations(node, path, expected, rules.source);

    for (const [index, organizer] of asList(node['organizer']).entries()) {
      if (isObject(organizer))
        this.recommendAll(
          organizer,
          `${path}.organizer${Array.isArray(node['organizer']) ? `[${index}]` : ''}`,
          GOOGLE_EVENT.organizer.recommended,
          rules.source,
        );
    }
    for (const [index, performer] of asList(node['performer']).entries()) {
      if (isObject(performer))
        this.recommendAll(
          performer,
          `${path}.performer${Array.isArray(node['performer']) ? `[${index}]` : ''}`,
          GOOGLE_EVENT.performer.recommended,
          rules.source,
        );
    }
  }

  /**
   * Each location is a Place with an address or a VirtualLocation with a url, and together they
   * match how people attend: online → a VirtualLocation, offline → a Place, mixed → both.
   */
  checkLocations(
    node: JsonObject,
    path: string,
    expected: 'online' | 'offline' | 'mixed' | undefined,
    source: string,
  ): void {
    const value = node['location'];
    if (!isPresent(value)) return;
    let places = 0;
    let virtual = 0;
    asList(value).forEach((location, index) => {
      const where = Array.isArray(value) ? `${path}.location[${index}]` : `${path}.location`;
      if (!isObject(location)) {
        this.error(
          node,
          path,
          `"location" ${JSON.stringify(location)} is not a Place or VirtualLocation object`,
          source,
        );
        return;
      }
      if (isType(location, 'VirtualLocation')) {
        virtual += 1;
        this.requireAll(
          location,
          where,
          GOOGLE_EVENT.virtualLocation.required,
          GOOGLE_EVENT.event.source,
        );
      } else if (types(location).some((type) => PLACE_TYPES.has(type))) {
        places += 1;
        this.requireAll(location, where, GOOGLE_EVENT.place.required, GOOGLE_EVENT.event.source);
        this.recommendAll(
          location,
          where,
          GOOGLE_EVENT.place.recommended,
          GOOGLE_EVENT.event.source,
        );
        const address = location['address'];
        if (isObject(address)) {
          if (!isType(address, 'PostalAddress'))
            this.error(
              location,
              where,
              '"address" is not a PostalAddress',
              GOOGLE_EVENT.event.source,
            );
          this.recommendAll(
            address,
            `${where}.address`,
            GOOGLE_EVENT.address.recommended,
            GOOGLE_EVENT.event.source,
          );
        } else if (address !== undefined) {
          this.error(
            location,
            where,
            '"address" should be a PostalAddress with its parts',
            GOOGLE_EVENT.event.source,
          );
        }
      } else {
        this.error(
          location,
          where,
          'is neither a Place nor a VirtualLocation',
          GOOGLE_EVENT.event.source,
        );
      }
    });
    if ((expected === 'online' || expected === 'mixed') && virtual === 0) {
      this.error(
        node,
        path,
        `is attended online but has no VirtualLocation with the url to attend`,
        GOOGLE_EVENT.event.source,
      );
    }
    if ((expected === 'offline' || expected === 'mixed') && places === 0) {
      this.error(
        node,
        path,
        `is attended in person but has no Place with an address`,
        GOOGLE_EVENT.event.source,
      );
    }
    if (expected === 'online' && places > 0)
      this.error(
        node,
        path,
        'is online only but has a Place; use the mixed mode for hybrid',
        GOOGLE_EVENT.event.source,
      );
    if (expected === 'offline' && virtual > 0)
      this.error(
        node,
        path,
        'is in person only but has a VirtualLocation; use the mixed mode for hybrid',
        GOOGLE_EVENT.event.source,
      );
  }

  /** ListItems with positions 1, 2, 3… (duplicates are errors; gaps or disorder warnings). */
  checkPositions(list: JsonObject, path: string, items: JsonObject[], source: string): void {
    const positions = items.map((item) => item['position']);
    const seen = new Set<unknown>();
    positions.forEach((position, index) => {
      if (position === undefined) return;
      if (typeof position !== 'number' || !Number.isInteger(position) || position < 1) {
        this.error(
          list,
          path,
          `itemListElement[${index}] "position" ${JSON.stringify(position)} is not a whole number from 1`,
          source,
        );
      } else if (seen.has(position)) {
        this.error(list, path, `itemListElement[${index}] repeats position ${position}`, source);
      }
      seen.add(position);
    });
    if (
      positions.every((position) => typeof position === 'number') &&
      positions.some((position, index) => position !== index + 1)
    ) {
      this.warn(
        list,
        path,
        `positions ${positions.join(', ')} are not 1 to ${positions.length} in order`,
        source,
      );
    }
  }

  listItems(list: JsonObject, path: string, source: string): JsonObject[] | undefined {
    const elements = list['itemListElement'];
    if (!isPresent(elements)) {
      this.error(list, path, 'missing required property "itemListElement"', source);
      return undefined;
    }
    const items: JsonObject[] = [];
    asList(elements).forEach((element, index) => {
      if (isObject(element) && isType(element, 'ListItem')) items.push(element);
      else this.error(list, path, `itemListElement[${index}] is not a ListItem`, source);
    });
    return items;
  }

  checkItemList(list: JsonObject, path: string): void {
    const source = GOOGLE_CAROUSEL.source;
    const items = this.listItems(list, path, source);
    if (!items) return;
    this.checkPositions(list, path, items, source);
    if (items.length < GOOGLE_COURSE_LIST.minimumCourses) {
      this.warn(
        list,
        path,
        `lists ${items.length} ${items.length === 1 ? 'course' : 'courses'}; Google shows a course list only for at least ${GOOGLE_COURSE_LIST.minimumCourses}`,
        GOOGLE_COURSE_LIST.course.source,
      );
    }

    const summary = items.filter((item) => item['item'] === undefined);
    const allInOne = items.filter((item) => item['item'] !== undefined);
    if (summary.length > 0 && allInOne.length > 0) {
      this.error(
        list,
        path,
        'mixes summary-page ListItems (url only) with all-in-one ListItems (item embedded); use one style',
        source,
      );
    }
    const urls: string[] = [];
    items.forEach((item, index) => {
      const where = `${path}.itemListElement[${index}]`;
      if (item['item'] === undefined) {
        this.requireAll(item, where, GOOGLE_CAROUSEL.summaryListItem.required, source);
        const extra = Object.keys(item).filter(
          (key) => !(GOOGLE_CAROUSEL.summaryListItem.allowed as readonly string[]).includes(key),
        );
        if (extra.length > 0)
          this.warn(
            item,
            where,
            `a summary-page ListItem should have only @type, position and url, not ${extra.join(', ')}`,
            source,
          );
        if (typeof item['url'] === 'string') urls.push(item['url']);
        return;
      }
      this.requireAll(item, where, GOOGLE_CAROUSEL.allInOneListItem.required, source);
      const embedded = item['item'];
      if (!isObject(embedded)) {
        this.error(item, where, '"item" is not an object', source);
        return;
      }
      this.requireAll(
        embedded,
        `${where}.item`,
        GOOGLE_CAROUSEL.allInOneListItem.itemRequired,
        source,
      );
      if (typeof embedded['url'] === 'string') urls.push(embedded['url']);
      if (!isType(embedded, 'Course'))
        this.error(embedded, `${where}.item`, 'is not a Course', GOOGLE_COURSE_LIST.course.source);
      this.walk(embedded, `${where}.item`, 'list-item');
    });

    const duplicates = urls.filter((url, index) => urls.indexOf(url) !== index);
    for (const url of new Set(duplicates))
      this.error(list, path, `lists the url ${url} more than once; each must be unique`, source);
    const pages = urls.map((url) => url.replace(/#.*$/, ''));
    if (
      summary.length > 0 &&
      allInOne.length === 0 &&
      new Set(pages).size !== pages.length &&
      duplicates.length === 0
    ) {
      this.error(
        list,
        path,
        'summary-page urls must point to different pages, not fragments of one page',
        source,
      );
    }
    if (allInOne.length > 0 && summary.length === 0 && new Set(pages).size > 1) {
      this.error(list, path, 'all-in-one item urls must all point into the same page', source);
    }
  }

  checkBreadcrumb(list: JsonObject, path: string): void {
    const source = GOOGLE_BREADCRUMB.source;
    const items = this.listItems(list, path, source);
    if (!items) return;
    this.checkPositions(list, path, items, source);
    if (items.length < 2)
      this.warn(list, path, `has ${items.length} ListItem; a trail of one adds nothing`, source);
    items.forEach((item, index) => {
      const where = `${path}.itemListElement[${index}]`;
      const last = index === items.length - 1;
      this.requireAll(
        item,
        where,
        GOOGLE_BREADCRUMB.listItem.required.filter((property) => !(last && property === 'item')),
        source,
      );
      const target = item['item'];
      const url = isObject(target) ? target['@id'] : target;
      if (target !== undefined && (typeof url !== 'string' || !URL.canParse(url))) {
        this.error(item, where, `"item" ${JSON.stringify(target)} is not an absolute URL`, source);
      }
    });
  }
}

/**
 * Checks the JSON-LD nodes of one page (each the parsed content of a
 * `<script type="application/ld+json">`). Returns errors (a required property missing or
 * malformed: the page would not qualify) and warnings (recommended properties missing, or
 * things Google displays shortened); both empty means a clean page.
 */
export function checkStructuredData(
  nodes: unknown[],
  context: { pageKind: PageKind },
): StructuredDataReport {
  const checker = new Checker();
  const topLevel: JsonObject[] = [];
  nodes.forEach((node, index) => {
    const path = `$[${index}]`;
    if (!isObject(node)) {
      checker.errors.push(`${path}: is not a JSON-LD object (${SPEC.source})`);
      return;
    }
    if (!CONTEXTS.has(String(node['@context']))) {
      checker.error(
        node,
        path,
        `"@context" is ${JSON.stringify(node['@context'])}, not "https://schema.org"`,
        SPEC.source,
      );
    }
    topLevel.push(...(Array.isArray(node['@graph']) ? node['@graph'].filter(isObject) : [node]));
    checker.walk(node, path, 'top');
  });

  const expectedType = SPEC.pageNodes[context.pageKind];
  if (expectedType !== undefined && !topLevel.some((node) => isType(node, expectedType))) {
    checker.errors.push(
      `A ${context.pageKind} page needs a top-level ${expectedType} node, and has none (${SPEC.source})`,
    );
  }
  return { errors: checker.errors, warnings: checker.warnings };
}

/** The parsed JSON-LD blocks of an HTML page, for checking built pages. */
export function jsonLdFromHtml(html: string): unknown[] {
  const blocks: unknown[] = [];
  const pattern =
    /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
  for (const match of html.matchAll(pattern)) blocks.push(JSON.parse(match[1] ?? ''));
  return blocks;
}
