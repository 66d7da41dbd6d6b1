/**
 * Reads the whole content folder and validates it in one pass, reporting every problem in every
 * file together. Used by `npm run check`, by the build before anything is written, and by the
 * Astro loaders, so editors meet the same messages everywhere. Each file goes through the one
 * validator of ../validate.ts (read, schema, references, rules, compliance); what only the
 * folder can tell (file names, links, photos and logos on disk, slugs shared by two courses, a
 * course that repeats another) is checked here.
 */
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Course } from '../schemas/course.ts';
import type { SiteSettings } from '../schemas/site.ts';
import {
  COLLECTION_REGISTRY,
  FILE_COLLECTION_NAMES,
  type CollectionName,
  type FileCollectionName,
  type Registry,
} from '../registry.ts';
import { courseOfferings } from '../../domain/offerings/offerings.ts';
import { buildNow, siteNowProblem } from '../../domain/time/clock.ts';
import { buildEnvironment, contentDirSetting } from '../../process/environment.ts';
import { loadHolidayRules } from '../../domain/time/holidays.ts';
import {
  compliancePhase,
  laterPhases,
  schemaPhase,
  type EntryInput,
  type KnownCollections,
  type KnownIds,
  type SchemaResult,
  type ValidationContext,
} from '../validate.ts';
import { readPhase } from '../validate-file.ts';
import { policyRuleProblems } from './policy-rules.ts';
import type { ContentProblem } from './problems.ts';
import { decodeUtf8, MAX_FILE_BYTES, type ParsedSource } from './source-file.ts';
import {
  brandProblems,
  cmsProblems,
  missingLogoProblem,
  pageSlugProblem,
  previousSlugProblems,
} from './site-rules.ts';

export interface ContentEntry<T> {
  /** The slug: the file name without its extension, or the course's `slug` field. */
  id: string;
  /** Path relative to the working directory, as shown in errors. */
  file: string;
  /** Absolute path. */
  absolutePath: string;
  data: T;
  /** Markdown body; empty for YAML files. */
  body: string;
  extension: string;
}

/** Every collection's valid entries, in the shape of the registry (src/collections/registry.ts). */
export type ContentSet = { site: SiteSettings } & {
  [N in FileCollectionName]: ContentEntry<z.output<Registry[N]['schema']>>[];
};

/**
 * Valid content comes with its compliance warnings (src/collections/validation/compliance.ts); in strict
 * mode (`strict`, or `strictCompliance: true` in site.yaml) they are problems instead.
 */
export type LoadResult =
  | { ok: true; content: ContentSet; warnings: ContentProblem[] }
  | { ok: false; problems: ContentProblem[] };

export interface LoadOptions {
  /** Report compliance findings as errors; site.yaml's `strictCompliance` when left out. */
  strict?: boolean;
  /** Where SITE_NOW is read from; the build's environment (src/process/environment.ts) when left out. */
  environment?: Record<string, string | undefined>;
}

/**
 * The longest slug a file name may give. A slug becomes folder and file names of the built
 * site (`courses/<slug>/<slug>.ics`, `og/<slug>.png`), and file systems take at most 255 bytes
 * per name (a slug is ASCII, one byte a character), so a long name used to pass the check and
 * fail the build with ENAMETOOLONG. 80, the limit of the `slug` field and of references
 * (schemas/common.ts), leaves ample room for the suffixes derived names add, and every entry
 * can still be named by a reference.
 */
export const MAX_SLUG_LENGTH = 80;

/**
 * Dot-files a collection folder may hold without a word: written by the system, git or an
 * editor, never content (Finder's .DS_Store, the .gitkeep of an empty folder, a .gitignore,
 * Vim's swap files and the lock links Emacs makes while a file is open). Any other name
 * starting with a dot is reported: it looks like content, and it is not read.
 */
function isIgnorableDotFile(name: string): boolean {
  return (
    ['.DS_Store', '.gitkeep', '.gitignore', '.keep'].includes(name) ||
    /^\..+\.sw[a-p]$/.test(name) ||
    name.startsWith('.#')
  );
}

/** Where content is read from: `CONTENT_DIR`, or `content/` in the working directory. */
export function resolveContentDir(explicit?: string): string {
  return explicit === undefined ? contentDirSetting() : path.resolve(explicit);
}

function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return relative.startsWith('..') ? absolutePath : relative.split(path.sep).join('/');
}

interface ParsedFile {
  file: string;
  absolutePath: string;
  extension: string;
  name: string;
  source: ParsedSource;
}

/** The read phase of a file on disk: its size and encoding, then its text (../validate-file.ts). */
async function readContentFile(
  collection: CollectionName,
  absolutePath: string,
  problems: ContentProblem[],
): Promise<ParsedFile | undefined> {
  const file = displayPath(absolutePath);
  const { size } = await stat(absolutePath);
  if (size > MAX_FILE_BYTES) {
    problems.push({
      file,
      field: '',
      message: `The file takes ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
      fix: 'Shorten the text, or split it into several courses.',
    });
    return undefined;
  }
  const decoded = decodeUtf8(await readFile(absolutePath), file);
  if (!decoded.ok) {
    problems.push(...decoded.problems);
    return undefined;
  }
  const extension = path.extname(absolutePath);
  const read = readPhase(collection, decoded.text, file, extension);
  problems.push(...read.problems);
  if (!read.ok) return undefined;
  return {
    file,
    absolutePath,
    extension,
    name: path.basename(absolutePath, extension),
    source: read.source,
  };
}

/**
 * The files of a collection folder. Folders in it (such as instructors/photos/) are not
 * content; links are reported by `linkProblems`; a dot-file is reported, not skipped silently.
 */
async function listFiles(
  directory: string,
  name: CollectionName,
  problems: ContentProblem[],
): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    const files: string[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const absolutePath = path.join(directory, entry.name);
      if (!entry.name.startsWith('.')) files.push(absolutePath);
      else if (!isIgnorableDotFile(entry.name)) {
        const renamed = entry.name.replace(/^\.+/, '') || 'a name without the dot';
        problems.push({
          file: displayPath(absolutePath),
          field: '',
          message: 'This file is not read, because its name starts with a dot.',
          fix:
            name === 'courses'
              ? `Rename it to ${renamed} (with \`draft: true\` to keep it unpublished), or delete it.`
              : `Rename it to ${renamed}, or delete it.`,
        });
      }
    }
    return files.sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Every symbolic link in the content folder and its folders (not in dot-folders such as .git,
 * which nothing reads). Links are not followed, so that content cannot pull in files from
 * outside the content folder: a link to ~/.ssh/id_rsa as a photo would be published.
 */
async function linkProblems(directory: string): Promise<ContentProblem[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found = await Promise.all(
    entries.map(async (entry): Promise<ContentProblem[]> => {
      const absolutePath = path.join(directory, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : linkProblems(absolutePath);
      if (!entry.isSymbolicLink() || isIgnorableDotFile(entry.name)) return [];
      const [target, kind] = await Promise.all([
        readlink(absolutePath),
        stat(absolutePath).then(
          (info) => (info.isDirectory() ? 'folder' : 'file'),
          () => undefined,
        ),
      ]);
      return [
        {
          file: displayPath(absolutePath),
          field: '',
          message:
            'This is a symbolic link, and links are not followed, so that content cannot pull in files from outside the content folder.',
          found: `a link to ${target}`,
          fix: kind
            ? `Replace the link with a copy of the ${kind} it points to.`
            : 'Delete the link: what it points to does not exist.',
        },
      ];
    }),
  );
  return found.flat();
}

/** Why a file name cannot be an entry's slug: not URL-safe, or too long for the built site. */
function fileNameProblems(parsed: ParsedFile): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(parsed.name))
    problems.push({
      file: parsed.file,
      field: '',
      message: 'The file name cannot be used in a URL.',
      found: JSON.stringify(parsed.name),
      fix: 'Rename the file using lowercase letters, digits and hyphens, such as attachment-theory.md.',
    });
  if (parsed.name.length > MAX_SLUG_LENGTH)
    problems.push({
      file: parsed.file,
      field: '',
      message: `The file name is too long: it names the page and the files of the built site, so it takes at most ${MAX_SLUG_LENGTH} characters.`,
      expected: `a name of at most ${MAX_SLUG_LENGTH} characters before ${parsed.extension}`,
      found: `${parsed.name.length} characters`,
      fix: `Shorten the file name, such as attachment-theory${parsed.extension}.`,
    });
  return problems;
}

/** One file of a collection, read and past its schema. */
interface ReadEntry {
  parsed: ParsedFile;
  /** The slug: the file name, or a valid course's `slug` field. */
  id: string;
  input: EntryInput;
  schema: SchemaResult;
}

interface ReadCollection {
  /** Files that parsed, valid or not: one that failed its schema still exists for references. */
  entries: ReadEntry[];
  /** Files that could not be read (not UTF-8, bad YAML, too large): they exist all the same. */
  unreadable: string[];
}

/** Reads one file of a collection folder through the read and schema phases. */
async function readEntry(
  name: FileCollectionName,
  absolutePath: string,
  problems: ContentProblem[],
): Promise<ReadEntry | { unreadable: string } | undefined> {
  const { extensions } = COLLECTION_REGISTRY[name];
  const extension = path.extname(absolutePath);
  if (!(extensions as readonly string[]).includes(extension)) {
    problems.push({
      file: displayPath(absolutePath),
      field: '',
      message: `content/${name}/ holds only ${extensions.join(' or ')} files.`,
      found: extension || 'no extension',
      fix: `Rename the file to end in ${extensions[0]}, or move it out of content/${name}/.`,
    });
    return undefined;
  }
  const parsed = await readContentFile(name, absolutePath, problems);
  if (!parsed) return { unreadable: displayPath(absolutePath) };
  // A course's `slug` field, when it has one, names it instead of its file name.
  const raw = parsed.source.data;
  const hasSlugField =
    name === 'courses' && raw !== null && typeof raw === 'object' && 'slug' in raw;
  const nameProblems = hasSlugField ? [] : fileNameProblems(parsed);
  problems.push(...nameProblems);
  const input = { file: parsed.file, data: raw, lineOf: parsed.source.lineOf };
  const schema = schemaPhase(name, input);
  problems.push(...schema.problems);
  // A valid entry its file name cannot name is left out: it has its message.
  if (schema.data !== undefined && nameProblems.length > 0) return undefined;
  const slug = name === 'courses' ? (schema.data as Course | undefined)?.slug : undefined;
  return { parsed, id: slug ?? parsed.name, input, schema };
}

async function readCollection(
  contentDir: string,
  name: FileCollectionName,
  problems: ContentProblem[],
): Promise<ReadCollection> {
  const files = await listFiles(path.join(contentDir, name), name, problems);
  const read = await Promise.all(files.map((file) => readEntry(name, file, problems)));
  const collection: ReadCollection = { entries: [], unreadable: [] };
  for (const item of read) {
    if (item === undefined) continue;
    if ('unreadable' in item) collection.unreadable.push(item.unreadable);
    else collection.entries.push(item);
  }
  return collection;
}

const isValid = (entry: ReadEntry) => entry.schema.data !== undefined;

/** The valid entries of a collection, as the site is built from them. */
function contentEntries<N extends FileCollectionName>(
  collection: ReadCollection,
): ContentEntry<z.output<Registry[N]['schema']>>[] {
  return collection.entries.filter(isValid).map((entry) => toEntry<N>(entry));
}

function toEntry<N extends FileCollectionName>({
  parsed,
  id,
  schema,
}: ReadEntry): ContentEntry<z.output<Registry[N]['schema']>> {
  return {
    id,
    file: parsed.file,
    absolutePath: parsed.absolutePath,
    data: schema.data as z.output<Registry[N]['schema']>,
    body: parsed.source.body,
    extension: parsed.extension,
  };
}

/**
 * The entries a reference may name: valid ones by their slug, then files that failed their
 * schema or could not be read, by file name, so a reference to them is not reported again.
 */
function knownIds(collection: ReadCollection): KnownIds {
  const names = [
    ...collection.entries.filter(isValid).map((entry) => entry.id),
    ...collection.entries.filter((entry) => !isValid(entry)).map((entry) => entry.parsed.name),
    ...collection.unreadable.map((file) => path.basename(file, path.extname(file))),
  ];
  const ids = new Set(names);
  return { has: (id) => ids.has(id), names };
}

type ReadCollections = Record<FileCollectionName, ReadCollection>;

/** Loads the holiday rules when a policy names holidays, before rules count business days. */
async function holidayRulesFor(read: ReadCollections): Promise<void> {
  const namesHolidays = read.policies.entries.some(
    ({ input: { data } }) => typeof data === 'object' && data !== null && 'holidays' in data,
  );
  if (namesHolidays) await loadHolidayRules();
}

/** What the references and rules of each entry may know of the others. */
function validationContext(
  read: ReadCollections,
  now: number | undefined,
): ValidationContext & { known: KnownCollections } {
  const known = Object.fromEntries(
    FILE_COLLECTION_NAMES.map((name) => [name, knownIds(read[name])]),
  ) as Record<FileCollectionName, KnownIds>;
  // A course may replace one that failed or cannot be read; a message offers the valid ones.
  const courseSlugs = [...new Set(read.courses.entries.filter(isValid).map((entry) => entry.id))];
  known.courses = { has: known.courses.has, names: courseSlugs };
  const valid = <N extends FileCollectionName>(name: N) =>
    new Map(contentEntries<N>(read[name]).map((entry) => [entry.id, entry.data]));
  return {
    known,
    policyRules: policyRuleProblems,
    boards: valid('boards'),
    sponsors: valid('sponsors'),
    policies: valid('policies'),
    // The real day, not SITE_NOW: a build pinned to the past still takes courses years ahead.
    today: new Date().toISOString().slice(0, 10),
    ...(now === undefined ? {} : { now }),
  };
}

/** Instructor photos that are not files next to the instructor's file. */
async function photoProblems(instructors: ReadCollection): Promise<ContentProblem[]> {
  const found = await Promise.all(
    instructors.entries.filter(isValid).map(async (read) => {
      const instructor = toEntry<'instructors'>(read);
      const photo = instructor.data.photo;
      if (photo === undefined) return [];
      const exists = await stat(path.join(path.dirname(instructor.absolutePath), photo)).then(
        (info) => info.isFile(),
        () => false,
      );
      if (exists) return [];
      const source = read.parsed.source;
      const line = source.lineOf(['photo']);
      return [
        {
          file: instructor.file,
          field: 'photo',
          ...(line === undefined ? {} : { line }),
          message: `There is no image file ${photo} in content/instructors/.`,
          expected: 'the path of an image file, from this file',
          found: JSON.stringify(photo),
          fix: `Save the photo as content/instructors/${photo}, or correct the path.`,
        },
      ];
    }),
  );
  return found.flat();
}

interface ValidCourse {
  entry: ContentEntry<Course>;
  source: ParsedSource;
}

/**
 * Courses that share a slug. One clash, one message: the course named by its own file keeps
 * the slug (else the first file), and each other course that takes it is told so.
 */
function slugClashProblems(courses: readonly ValidCourse[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [slug, sharing] of Map.groupBy(courses, ({ entry }) => entry.id)) {
    if (sharing.length < 2) continue;
    const keeper =
      sharing.find(({ entry }) => entry.data.slug === undefined) ??
      [...sharing].sort((a, b) => a.entry.file.localeCompare(b.entry.file))[0]!;
    for (const { entry, source } of sharing) {
      if (entry === keeper.entry) continue;
      const others = [
        keeper.entry.file,
        ...sharing
          .filter((other) => other.entry !== entry && other !== keeper)
          .map((other) => other.entry.file),
      ];
      const line = entry.data.slug ? source.lineOf(['slug']) : undefined;
      problems.push({
        file: entry.file,
        field: entry.data.slug ? 'slug' : '',
        ...(line === undefined ? {} : { line }),
        message: `Another course already uses the slug "${slug}" (${others.join(', ')}).`,
        expected: 'a slug no other course uses',
        found: JSON.stringify(slug),
        fix: 'Give one of the courses a different `slug`, or rename its file.',
      });
    }
  }
  return problems;
}

/**
 * Courses that repeat another (the same title on the same dates, or the same description): a
 * copy left behind by a rerun misleads readers, unless one says it `replaces` the other.
 */
function repeatedCourseProblems(courses: readonly ValidCourse[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const keysOf = ({ data, body }: ContentEntry<Course>) => {
    const offeringDates = courseOfferings(data)
      .map((offering) => offering.sessions.map((session) => session.date).join(','))
      .filter((dates) => dates !== '');
    const text = body.replace(/\s+/g, ' ').trim().toLowerCase();
    return [
      ...new Set(offeringDates).values().map((dates) => ({
        key: `title:${data.title.toLowerCase()}|${dates}`,
        what: 'the same title on the same dates',
      })),
      ...(text.length >= 80 ? [{ key: `body:${text}`, what: 'the same description' }] : []),
    ];
  };
  const seen = new Map<string, ContentEntry<Course>>();
  const reported = new Set<string>();
  for (const { entry, source } of courses) {
    for (const { key, what } of keysOf(entry)) {
      const other = seen.get(key);
      if (!other) {
        seen.set(key, entry);
        continue;
      }
      if (
        entry.data.replaces === other.id ||
        other.data.replaces === entry.id ||
        reported.has(entry.file)
      )
        continue;
      reported.add(entry.file);
      const line = source.lineOf(['title']);
      problems.push({
        file: entry.file,
        field: 'title',
        ...(line === undefined ? {} : { line }),
        message: `This course repeats ${other.file}: ${what}.`,
        expected: 'a course no other file already publishes',
        found: `${entry.file} and ${other.file}`,
        fix: `Remove one of the two files, or add \`replaces: ${other.id}\` to the one that takes the other's place.`,
      });
    }
  }
  return problems;
}

/** What only the whole set of courses shows: shared slugs, repeats, old slugs that cannot redirect, MDX where it is off. */
function courseSetProblems(courses: readonly ValidCourse[], site?: SiteSettings): ContentProblem[] {
  const mdxOff = courses
    .filter(({ entry }) => entry.extension === '.mdx' && site && !site.allowMdx)
    .map(({ entry }) => ({
      file: entry.file,
      field: '',
      message: 'MDX files are turned off for this site (`allowMdx: false` in content/site.yaml).',
      fix: 'Rename the file to .md and remove any components or imports from it.',
    }));
  return [
    ...slugClashProblems(courses),
    ...repeatedCourseProblems(courses),
    ...previousSlugProblems(
      courses.map(({ entry, source }) => ({
        id: entry.id,
        file: entry.file,
        previousSlugs: entry.data.previousSlugs,
        lineOf: source.lineOf,
      })),
    ),
    ...mdxOff,
  ];
}

/** The brand's contrast and logo file, and the CMS repository: rules across fields and files. */
async function siteProblems(
  contentDir: string,
  site: SiteSettings,
  parsed: ParsedFile,
): Promise<ContentProblem[]> {
  const { brand, cms } = site;
  const problems = cms ? cmsProblems(cms, parsed.file, parsed.source.lineOf) : [];
  if (!brand) return problems;
  problems.push(...brandProblems(brand, parsed.file, parsed.source.lineOf));
  const isFile = await stat(path.join(contentDir, brand.logo)).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) problems.push(missingLogoProblem(brand.logo, parsed.file, parsed.source.lineOf));
  return problems;
}

/** The site settings through the read and schema phases, with the rules of their own. */
async function readSite(
  contentDir: string,
  problems: ContentProblem[],
): Promise<
  { parsed: ParsedFile; data: SiteSettings; input: EntryInput; schema: SchemaResult } | undefined
> {
  const siteFile = path.join(contentDir, 'site.yaml');
  const exists = await stat(siteFile).then(
    () => true,
    () => false,
  );
  if (!exists) {
    problems.push({
      file: displayPath(siteFile),
      field: '',
      message: 'The site settings file is missing.',
      fix: 'Create content/site.yaml with name, url, description and organization (see the content guide).',
    });
    return undefined;
  }
  const parsed = await readContentFile('site', siteFile, problems);
  if (!parsed) return undefined;
  const input = { file: parsed.file, data: parsed.source.data, lineOf: parsed.source.lineOf };
  const schema = schemaPhase('site', input);
  problems.push(...schema.problems);
  if (schema.data === undefined) return undefined;
  const data = schema.data as SiteSettings;
  problems.push(...(await siteProblems(contentDir, data, parsed)));
  return { parsed, data, input, schema };
}

/** SITE_NOW, checked with the content so `npm run check` and the build report it before Astro starts. */
function siteNowProblems(environment: LoadOptions['environment']): ContentProblem[] {
  const problem = siteNowProblem(environment ?? buildEnvironment());
  return problem
    ? [
        {
          file: 'SITE_NOW',
          field: '',
          message: problem,
          fix: 'Set SITE_NOW to an instant that exists, such as 2020-10-01T12:00:00Z, or leave it unset to use the real clock.',
        },
      ]
    : [];
}

const byLocation = (a: ContentProblem, b: ContentProblem) =>
  a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);

/** Loads and validates every file under `contentDir`; never throws for bad content. */
export async function loadContent(
  contentDir: string = resolveContentDir(),
  options: LoadOptions = {},
): Promise<LoadResult> {
  const problems = siteNowProblems(options.environment);
  // The build's clock, for the approvals an open-ended on-demand course advertises while online.
  const now =
    problems.length === 0
      ? buildNow(options.environment ?? buildEnvironment()).getTime()
      : undefined;
  const [site, read, links] = await Promise.all([
    readSite(contentDir, problems),
    readCollections(contentDir, problems),
    linkProblems(contentDir),
  ]);
  problems.push(...links, ...(await photoProblems(read.instructors)));
  await holidayRulesFor(read);
  const context = validationContext(read, now);
  const warnings: ContentProblem[] = [];
  if (site) problems.push(...laterPhases('site', site.input, site.schema, context).problems);
  for (const name of FILE_COLLECTION_NAMES)
    for (const entry of read[name].entries) {
      const later = laterPhases(name, entry.input, entry.schema, context);
      problems.push(...later.problems);
      warnings.push(...later.warnings);
    }
  const courses = read.courses.entries
    .filter(isValid)
    .map((entry) => ({ entry: toEntry<'courses'>(entry), source: entry.parsed.source }));
  problems.push(...courseSetProblems(courses, site?.data));
  for (const entry of contentEntries<'pages'>(read.pages)) {
    const problem = pageSlugProblem(entry.id, entry.file);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0 || !site) return { ok: false, problems: problems.sort(byLocation) };
  const instructors = new Map(
    contentEntries<'instructors'>(read.instructors).map((entry) => [entry.id, entry.data]),
  );
  warnings.push(
    ...courses.flatMap(({ entry, source }) =>
      compliancePhase(
        { file: entry.file, data: entry.data, lineOf: source.lineOf },
        { ...context, instructors },
      ),
    ),
  );
  warnings.sort(byLocation);
  if ((options.strict ?? site.data.strictCompliance) && warnings.length > 0)
    return { ok: false, problems: warnings };
  const entries = Object.fromEntries(
    FILE_COLLECTION_NAMES.map((name) => [name, contentEntries(read[name])]),
  );
  return { ok: true, warnings, content: { site: site.data, ...entries } as ContentSet };
}

/**
 * What the validator knows of a content folder's entries, for references and rules across
 * files: what `loadContent` gives each entry, for a caller that validates one entry the same way.
 */
export async function validationContextFor(
  contentDir: string,
  options: LoadOptions = {},
): Promise<ValidationContext> {
  const read = await readCollections(contentDir, []);
  await holidayRulesFor(read);
  const now =
    siteNowProblems(options.environment).length === 0
      ? buildNow(options.environment ?? buildEnvironment()).getTime()
      : undefined;
  return validationContext(read, now);
}

/** Every collection of the registry, read side by side. */
async function readCollections(
  contentDir: string,
  problems: ContentProblem[],
): Promise<ReadCollections> {
  const read = await Promise.all(
    FILE_COLLECTION_NAMES.map(
      async (name) => [name, await readCollection(contentDir, name, problems)] as const,
    ),
  );
  return Object.fromEntries(read) as ReadCollections;
}
