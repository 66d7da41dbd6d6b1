/**
 * The Decap CMS configuration is generated from the zod schemas, so the admin's forms follow
 * them: every field of every kind of content, enumerations as selects, references as relation
 * fields, sessions and readings as lists with their sub-fields, dates and times as plain text
 * that is written exactly as typed. prepareEntry is the check the admin runs before saving.
 */
import type { CmsSettings } from '../../../src/collections/schemas/site.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { APIContext } from 'astro';
import { GET as configEndpoint } from '../../../src/pages/admin/config.yml.ts';
import { isIanaTimeZone } from '../../../src/collections/schemas/common.ts';
import { COLLECTIONS } from '../../../src/collections/registry.ts';
import {
  decapConfig,
  FIELD_OVERRIDES,
  labelOf,
  prepareEntry,
  problemsMessage,
  proxyUrl,
  withoutEmptyFields,
  type DecapCollection,
  type DecapField,
} from '../../../src/admin/decap-config.ts';
import { VALID_COURSE } from '../../../src/admin/error-examples.ts';
import { repoRoot } from '../../helpers/fixtures.ts';

const config = decapConfig();

function collection(name: string): DecapCollection {
  const found = config.collections.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
}

function fieldsOf(name: string): DecapField[] {
  const found = collection(name);
  return found.fields ?? found.files?.[0]?.fields ?? [];
}

/** The field at a dotted path such as `sessions.start`. */
function field(name: string, fieldPath: string): DecapField {
  let fields = fieldsOf(name);
  let current: DecapField | undefined;
  for (const part of fieldPath.split('.')) {
    current = fields.find((candidate) => candidate.name === part);
    if (!current) throw new Error(`${name}: no field ${fieldPath}`);
    fields = current.fields ?? [];
  }
  return current!;
}

/** Every field with its path, nested ones included. */
function* allFields(
  fields: readonly DecapField[],
  prefix: string,
): Generator<[string, DecapField]> {
  for (const each of fields) {
    const at = `${prefix}.${each.name}`;
    yield [at, each];
    if (each.fields) yield* allFields(each.fields, at);
    if (each.field) yield [`${at}[]`, each.field];
  }
}

/** The frontmatter of a Markdown file as data. */
function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  return parse(match?.[1] ?? '', { version: '1.2' }) as Record<string, unknown>;
}

describe('the collections', () => {
  it('cover every kind of content, each field of its schema in order, and the Markdown body', () => {
    expect(config.collections.map((each) => each.name)).toEqual(
      COLLECTIONS.map((each) => each.name),
    );
    for (const info of COLLECTIONS) {
      const keys = Object.keys(
        (info.schema as unknown as { shape: Record<string, unknown> }).shape,
      );
      const names = fieldsOf(info.name).map((each) => each.name);
      const body = 'body' in info ? ['body'] : [];
      expect(names, info.name).toEqual([...keys, ...body]);
    }
  });

  it('store entries where the loader reads them, named by a slug made from a field', () => {
    expect(collection('courses')).toMatchObject({
      folder: 'content/courses',
      extension: 'md',
      format: 'frontmatter',
      slug: '{{slug}}',
      identifier_field: 'title',
      create: true,
    });
    expect(collection('instructors')).toMatchObject({
      folder: 'content/instructors',
      extension: 'md',
      format: 'frontmatter',
      identifier_field: 'name',
    });
    for (const name of ['boards', 'sponsors', 'policies'])
      expect(collection(name)).toMatchObject({
        folder: `content/${name}`,
        extension: 'yaml',
        format: 'yml',
      });
    expect(collection('site').files).toEqual([
      expect.objectContaining({ file: 'content/site.yaml' }),
    ]);
    expect(config.slug).toEqual({
      encoding: 'ascii',
      clean_accents: true,
      sanitize_replacement: '-',
    });
  });

  it('use Git Gateway when deployed and decap-server on 127.0.0.1 locally', () => {
    expect(config.backend.name).toBe('git-gateway');
    expect(config.local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
    expect(decapConfig({ proxyUrl: proxyUrl(9000) }).local_backend.url).toBe(
      'http://127.0.0.1:9000/api/v1',
    );
    expect(config.media_folder.startsWith('public/')).toBe(true);
    expect(config.public_folder).toBe(config.media_folder.slice('public'.length));
  });

  it('take the production backend from `cms` in site.yaml, and keep decap-server locally', () => {
    const withCms = (cms: CmsSettings) => decapConfig({ cms });
    expect(withCms({ backend: 'github', repo: 'praxis/courses', branch: 'main' }).backend).toEqual({
      name: 'github',
      repo: 'praxis/courses',
      branch: 'main',
    });
    expect(
      withCms({ backend: 'gitlab', repo: 'group/sub/courses', branch: 'live' }).backend,
    ).toEqual({
      name: 'gitlab',
      repo: 'group/sub/courses',
      branch: 'live',
    });
    expect(withCms({ backend: 'git-gateway', branch: 'main' }).backend).toEqual({
      name: 'git-gateway',
      branch: 'main',
    });
    expect(
      withCms({ backend: 'github', repo: 'praxis/courses', branch: 'main' }).local_backend,
    ).toEqual({
      url: 'http://127.0.0.1:8081/api/v1',
    });
  });
});

describe('the fields', () => {
  it('turn enumerations into selects, lists of them into multiple selects', () => {
    expect(field('courses', 'format')).toMatchObject({
      widget: 'select',
      options: ['live-online', 'in-person', 'hybrid', 'on-demand'],
    });
    expect(field('courses', 'levels')).toMatchObject({
      widget: 'select',
      multiple: true,
      min: 1,
      options: ['introductory', 'beginner', 'intermediate', 'advanced'],
    });
    expect(field('policies', 'appliesTo')).toMatchObject({ widget: 'select', multiple: true });
    expect(field('policies', 'dayCounting')).toMatchObject({
      widget: 'select',
      required: false,
      default: 'calendar',
    });
  });

  it('turn references into relation fields on the referenced collection, by file name', () => {
    expect(field('courses', 'instructors')).toMatchObject({
      widget: 'relation',
      collection: 'instructors',
      value_field: '{{slug}}',
      multiple: true,
      min: 1,
      search_fields: ['name'],
      display_fields: ['name'],
    });
    expect(field('courses', 'approvals.board')).toMatchObject({
      widget: 'relation',
      collection: 'boards',
      value_field: '{{slug}}',
      display_fields: ['code'],
    });
    expect(field('courses', 'sponsors')).toMatchObject({
      widget: 'relation',
      collection: 'sponsors',
      multiple: true,
    });
    expect(field('courses', 'refundPolicy')).toMatchObject({
      widget: 'relation',
      collection: 'policies',
    });
    expect(field('site', 'organization')).toMatchObject({
      widget: 'relation',
      collection: 'sponsors',
    });
    for (const each of config.collections) {
      for (const [at, one] of allFields(each.fields ?? each.files?.[0]?.fields ?? [], each.name)) {
        if (one.widget !== 'relation') continue;
        const target = collection(one.collection ?? '');
        expect(one.search_fields, at).toContain(target.identifier_field);
        expect(
          fieldsOf(target.name).map((candidate) => candidate.name),
          at,
        ).toEqual(expect.arrayContaining(one.search_fields ?? []));
      }
    }
  });

  it('make sessions and readings lists with their sub-fields', () => {
    const sessions = field('courses', 'sessions');
    expect(sessions).toMatchObject({ widget: 'list', required: false });
    expect(sessions.fields?.map((each) => [each.name, each.widget, each.required ?? true])).toEqual(
      [
        ['date', 'string', true],
        ['start', 'string', true],
        ['end', 'string', true],
        ['title', 'string', false],
        ['agenda', 'list', false],
      ],
    );
    expect(field('courses', 'sessions.agenda').fields?.map((each) => each.name)).toEqual([
      'label',
      'title',
      'start',
      'end',
      'noCredit',
    ]);
  });

  it('give no field inside a course list a default, which would make Decap start the list with an item', () => {
    const courses = decapConfig().collections.find((collection) => collection.name === 'courses');
    const defaults: string[] = [];
    const walk = (fields: readonly DecapField[] | undefined, path: string, inList: boolean) => {
      for (const each of fields ?? []) {
        if (inList && each.default !== undefined) defaults.push(`${path}${each.name}`);
        const list = each.widget === 'list';
        walk(each.fields, `${path}${each.name}.`, inList || list);
        if (each.field) walk([each.field], `${path}${each.name}[].`, true);
      }
    };
    walk(courses?.fields, '', false);
    expect(defaults).toEqual([]);
    const readings = field('courses', 'readings');
    expect(readings.widget).toBe('list');
    expect(field('courses', 'readings.type')).toMatchObject({
      widget: 'select',
      options: ['book', 'edited-book', 'chapter', 'article'],
    });
    expect(field('courses', 'readings.authors').fields?.map((each) => each.name)).toEqual([
      'family',
      'given',
    ]);
    expect(field('courses', 'readings.year')).toMatchObject({
      widget: 'number',
      value_type: 'int',
      min: 1000,
      max: 9999,
    });
    expect(field('courses', 'topics')).toMatchObject({
      widget: 'list',
      min: 1,
      field: { name: 'item', widget: 'string' },
    });
  });

  it('write dates and wall-clock times as typed text with the schema pattern, never through a datetime widget', () => {
    const start = field('courses', 'sessions.start');
    expect(start.widget).toBe('string');
    const time = new RegExp(start.pattern![0]);
    for (const good of ['16:00', '00:00', '23:59', '09:30'])
      expect(time.test(good), good).toBe(true);
    for (const bad of ['4pm', '16.00', '24:00', '9:30', '16:00:00', '2027-03-01T16:00'])
      expect(time.test(bad), bad).toBe(false);
    const date = new RegExp(field('courses', 'sessions.date').pattern![0]);
    expect(date.test('2027-03-01')).toBe(true);
    expect(date.test('03/01/2027')).toBe(false);
    for (const each of config.collections) {
      for (const [at, one] of allFields(each.fields ?? each.files?.[0]?.fields ?? [], each.name))
        expect(one.widget, at).not.toMatch(/date|time/);
    }
  });

  it('check lengths and patterns in the form, and say what is wanted', () => {
    const title = field('courses', 'title');
    expect(new RegExp(title.pattern![0]).test('x'.repeat(200))).toBe(true);
    expect(new RegExp(title.pattern![0]).test('x'.repeat(201))).toBe(false);
    const slug = field('courses', 'slug');
    expect(new RegExp(slug.pattern![0]).test('attachment-theory')).toBe(true);
    expect(new RegExp(slug.pattern![0]).test('Attachment Theory')).toBe(false);
    expect(new RegExp(slug.pattern![0]).test('a'.repeat(81))).toBe(false);
    expect(field('courses', 'sessions.start').pattern![1]).toBe(
      'Must be a 24-hour time written HH:MM, for example 16:00',
    );
    expect(field('courses', 'registrationUrl').pattern![1]).toMatch(/https:\/\//);
  });

  it('offer every time zone the validator accepts as a select', () => {
    const zone = field('courses', 'timeZone');
    expect(zone.widget).toBe('select');
    expect(zone.options).toContain('America/New_York');
    expect(zone.options).toContain('UTC');
    expect(zone.options?.every(isIanaTimeZone)).toBe(true);
  });

  it('give numbers their kind and steps: CE hours in quarter hours above zero', () => {
    expect(field('courses', 'ceHours')).toMatchObject({
      widget: 'number',
      value_type: 'float',
      step: 0.25,
      min: 0.25,
    });
    expect(field('policies', 'tiers.minDaysBefore')).toMatchObject({
      widget: 'number',
      value_type: 'int',
      min: 0,
    });
    expect(field('courses', 'draft')).toMatchObject({
      widget: 'boolean',
      required: false,
      default: false,
    });
  });

  it('mark optional fields, and leave the fields of an optional group to the check before saving', () => {
    expect(field('courses', 'subtitle').required).toBe(false);
    expect(field('courses', 'title').required).toBeUndefined();
    expect(field('courses', 'venue')).toMatchObject({
      widget: 'object',
      required: false,
      collapsed: true,
    });
    // Decap would otherwise refuse every course without a venue: it checks a blank optional group's fields.
    expect(field('courses', 'venue.name')).toMatchObject({
      required: false,
      hint: expect.stringContaining('Required when venue is filled in'),
    });
    expect(field('courses', 'objectives.leadIn').required).toBeUndefined();
  });

  it('apply overrides to fields that exist', () => {
    for (const key of Object.keys(FIELD_OVERRIDES)) {
      const [name, ...rest] = key.split('.');
      expect(() => field(name!, rest.join('.')), key).not.toThrow();
    }
    expect(field('courses', 'summary').widget).toBe('text');
    expect(field('instructors', 'photo').widget).toBe('image');
  });

  it('label fields in words', () => {
    expect(labelOf('ceHoursBreakdown')).toBe('CE hours breakdown');
    expect(labelOf('registrationUrl')).toBe('Registration URL');
    expect(labelOf('timeZone')).toBe('Time zone');
  });
});

describe('/admin/config.yml', () => {
  it('serves the generated configuration as YAML, with the site URL', async () => {
    const response = await configEndpoint({
      site: new URL('https://courses.example.org/'),
    } as APIContext);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/yaml/);
    const served = parse(await response.text()) as Record<string, unknown>;
    expect(served).toEqual({
      ...decapConfig(),
      site_url: 'https://courses.example.org',
      display_url: 'https://courses.example.org',
    });
  });
});

describe('prepareEntry, before Decap saves', () => {
  const valid = frontmatter(VALID_COURSE);

  it('passes a valid course unchanged', () => {
    const prepared = prepareEntry('courses', { ...valid, body: 'The course description.' });
    expect(prepared.problems).toEqual([]);
    expect(prepared.removed).toEqual([]);
    expect(prepared.data).toEqual({ ...valid, body: 'The course description.' });
  });

  it('passes the seed course and every content file as Decap reads them', () => {
    const seed = frontmatter(
      readFileSync(
        path.join(repoRoot, 'content/courses/attachment-theory-treatment-effectiveness.md'),
        'utf8',
      ),
    );
    expect(prepareEntry('courses', seed).problems).toEqual([]);
    const site = parse(readFileSync(path.join(repoRoot, 'content/site.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(prepareEntry('site', site).problems).toEqual([]);
  });

  it('leaves out the empty text, lists and groups Decap keeps for cleared fields, and keeps list entries', () => {
    const raw = {
      ...valid,
      subtitle: '',
      ceHoursNote: '  ',
      venue: { name: '', region: '' },
      readings: [],
      sessions: [{ date: '2027-03-01', start: '16:00', end: '18:00', title: '', agenda: [] }],
    };
    const prepared = prepareEntry('courses', raw);
    expect(prepared.problems).toEqual([]);
    expect([...prepared.removed].sort()).toEqual([
      'ceHoursNote',
      'readings',
      'sessions[0].agenda',
      'sessions[0].title',
      'subtitle',
      'venue',
      'venue.name',
      'venue.region',
    ]);
    // A group's fields are removed before the group.
    expect(prepared.removed.indexOf('venue.name')).toBeLessThan(prepared.removed.indexOf('venue'));
    expect(prepared.data).toEqual(valid);
    expect(withoutEmptyFields({ topics: ['', 'Ethics'] })).toEqual({ topics: ['', 'Ethics'] });
  });

  it('refuses what the check would refuse, with the check’s own messages', () => {
    const endsEarly = prepareEntry('courses', {
      ...valid,
      sessions: [{ date: '2027-03-01', start: '16:00', end: '15:00' }],
    });
    expect(endsEarly.problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['sessions[0].end', 'The session ends before it starts.'],
    ]);
    const message = problemsMessage(endsEarly.problems);
    expect(message).toContain('sessions[0].end: The session ends before it starts.');
    expect(message).toMatch(/^Not saved: 1 problem/);

    const halfVenue = prepareEntry('courses', {
      ...valid,
      format: 'in-person',
      venue: { name: 'Conference Center' },
    });
    expect(halfVenue.problems.map((problem) => problem.field)).toEqual(
      expect.arrayContaining(['venue.streetAddress', 'venue.locality', 'venue.country']),
    );

    const tooManyHours = prepareEntry('courses', { ...valid, ceHours: 3 });
    expect(tooManyHours.problems.map((problem) => problem.field)).toEqual(['ceHours']);

    const blankTitle = prepareEntry('courses', { ...valid, title: '   ' });
    expect(blankTitle.problems.map((problem) => problem.message)).toEqual(['`title` is required.']);
  });

  it('checks the other kinds of content against their schemas', () => {
    expect(
      prepareEntry('sponsors', { name: 'Example', url: 'http://example.org' }).problems.map(
        (problem) => problem.field,
      ),
    ).toEqual(['url']);
    expect(
      prepareEntry('boards', { code: 'APA', professions: ['Psychologists'] }).problems,
    ).toEqual([]);
    expect(() => prepareEntry('nothing', {})).toThrow(/unknown collection/);
  });
});
