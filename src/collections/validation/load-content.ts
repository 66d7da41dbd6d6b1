/**
 * Reads and validates the whole content folder in one pass and reports every problem in
 * every file together. Used by `npm run check`, by the build before anything is written,
 * and by the Astro loaders, so editors meet the same messages everywhere.
 */
import { policyRuleProblems } from './policy-rules.ts';
import { courseFormats, courseOfferings } from '../../domain/offerings/offerings.ts';
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { courseSchema, type Course } from '../schemas/course.ts';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import {
  COLLECTION_REGISTRY,
  FILE_COLLECTION_NAMES,
  type FileCollectionName,
  type Registry,
} from '../registry.ts';
import { closestMatch } from '../../domain/search/suggest.ts';
import { buildNow, siteNowProblem } from '../../domain/time/clock.ts';
import {
  creditDates,
  openEndedOnDemand,
  periodProblem,
  resolveApproval,
} from '../../domain/ce/ce-approvals.ts';
import {
  approvalLapseProblem,
  approvalPeriodProblem,
  approvalProblem,
  designationProblem,
  jointAccreditationProblem,
} from './approval-problems.ts';
import { complianceProblems } from './compliance.ts';
import { courseRuleProblems } from './course-rules.ts';
import { formatFieldPath, type ContentProblem } from './problems.ts';
import { checkMarkdownBody } from './html-policy.ts';
import { decodeUtf8, MAX_FILE_BYTES, parseSource, type ParsedSource } from './source-file.ts';
import { problemsFromIssues } from './zod-issues.ts';
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
  /** Where SITE_NOW is read from; `process.env` when left out. */
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

type CollectionName = FileCollectionName;

/** Where content is read from: `CONTENT_DIR`, or `content/` in the working directory. */
export function resolveContentDir(explicit?: string): string {
  return path.resolve(explicit ?? process.env['CONTENT_DIR'] ?? 'content');
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

async function readContentFile(
  absolutePath: string,
  withBody: boolean,
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
  const parsed = parseSource(decoded.text, file, withBody);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const extension = path.extname(absolutePath);
  return {
    file,
    absolutePath,
    extension,
    name: path.basename(absolutePath, extension),
    source: parsed.source,
  };
}

function validate<S extends z.ZodType>(
  schema: S,
  parsed: ParsedFile,
  problems: ContentProblem[],
): z.output<S> | undefined {
  const result = schema.safeParse(parsed.source.data, { reportInput: true });
  if (result.success) return result.data;
  problems.push(
    ...problemsFromIssues(
      result.error.issues,
      schema,
      parsed.source.data,
      parsed.file,
      parsed.source.lineOf,
    ),
  );
  return undefined;
}

/** Raw HTML and links in a Markdown body that the content HTML policy refuses (see html-policy.ts). */
function bodyProblems(parsed: ParsedFile, label: string): ContentProblem[] {
  const violations = checkMarkdownBody(parsed.source.body);
  return violations.map(({ line, message, found, fix }) => ({
    file: parsed.file,
    line: parsed.source.bodyLine + line - 1,
    field: '',
    message: `In the ${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
    expected: 'Markdown, and only the HTML listed in docs/security.md',
    found,
    fix,
  }));
}

/**
 * The fields of an invalid course that are valid on their own, so that rules and reference
 * checks still run on them and an editor sees every problem of the file at once.
 */
function validCourseFields(data: unknown): Partial<Course> {
  if (data === null || typeof data !== 'object') return {};
  const partial: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(courseSchema.shape)) {
    const result = (fieldSchema as z.ZodType).safeParse((data as Record<string, unknown>)[key]);
    if (result.success && result.data !== undefined) partial[key] = result.data;
  }
  return partial as Partial<Course>;
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

interface Loaded<N extends CollectionName> {
  entry: ContentEntry<z.output<Registry[N]['schema']>>;
  source: ParsedSource;
}

interface LoadedCollection<N extends CollectionName> {
  valid: Loaded<N>[];
  /** Files that parsed as YAML but failed the schema, kept so later checks can still run. */
  invalid: { file: string; source: ParsedSource }[];
  /** Files that could not be read (not UTF-8, bad YAML, too large): they exist all the same. */
  unreadable: string[];
}

async function loadCollection<N extends CollectionName>(
  contentDir: string,
  name: N,
  problems: ContentProblem[],
): Promise<LoadedCollection<N>> {
  const info: (typeof COLLECTION_REGISTRY)[CollectionName] = COLLECTION_REGISTRY[name];
  const { schema, extensions } = info;
  const files = await listFiles(path.join(contentDir, name), name, problems);
  const body = 'body' in info ? info.body : undefined;
  const withBody = body !== undefined;
  const collection: LoadedCollection<N> = { valid: [], invalid: [], unreadable: [] };
  const loaded = await Promise.all(
    files.map(async (absolutePath) => {
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
      const parsed = await readContentFile(absolutePath, withBody, problems);
      if (!parsed) return { unreadable: displayPath(absolutePath) };
      if (extension === '.md' && body) problems.push(...bodyProblems(parsed, body.name));
      // A course's `slug` field, when it has one, names it instead of its file name.
      const raw = parsed.source.data;
      const hasSlugField =
        name === 'courses' && raw !== null && typeof raw === 'object' && 'slug' in raw;
      const nameProblems = hasSlugField ? [] : fileNameProblems(parsed);
      problems.push(...nameProblems);
      const data = validate(schema, parsed, problems);
      if (data === undefined) return { invalid: { file: parsed.file, source: parsed.source } };
      if (nameProblems.length > 0) return undefined;
      const id = name === 'courses' ? ((data as Course).slug ?? parsed.name) : parsed.name;
      const entry = {
        id,
        file: parsed.file,
        absolutePath,
        data,
        body: parsed.source.body,
        extension,
      };
      return { valid: { entry, source: parsed.source } as Loaded<N> };
    }),
  );
  for (const item of loaded) {
    if (item === undefined) continue;
    if ('valid' in item) collection.valid.push(item.valid);
    else if ('invalid' in item) collection.invalid.push(item.invalid);
    else collection.unreadable.push(item.unreadable);
  }
  return collection;
}

function referenceProblem(
  file: string,
  source: ParsedSource,
  fieldPath: PropertyKey[],
  collection: CollectionName,
  value: string,
  known: readonly string[],
): ContentProblem {
  const suggestion = closestMatch(value, known);
  const line = source.lineOf(fieldPath);
  return {
    file,
    field: formatFieldPath(fieldPath),
    ...(line === undefined ? {} : { line }),
    message: `There is no "${value}" in content/${collection}/.`,
    expected: known.length > 0 ? `one of: ${known.join(', ')}` : `a file in content/${collection}/`,
    found: JSON.stringify(value),
    fix: suggestion
      ? `Did you mean "${suggestion}"?`
      : `Add content/${collection}/${value}${COLLECTION_REGISTRY[collection].extensions[0]}, or correct the name.`,
  };
}

/**
 * Courses that repeat another (the same title on the same dates, or the same description): a
 * copy left behind by a rerun misleads readers, unless one says it `replaces` the other.
 */
function repeatedCourseProblems(
  courses: readonly { entry: ContentEntry<Course>; source: ParsedSource }[],
): ContentProblem[] {
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

type LoadedCollections = { [N in CollectionName]: LoadedCollection<N> };

/** Every collection of the registry, read side by side. */
async function loadCollections(
  contentDir: string,
  problems: ContentProblem[],
): Promise<LoadedCollections> {
  const loaded = await Promise.all(
    FILE_COLLECTION_NAMES.map(
      async (name) => [name, await loadCollection(contentDir, name, problems)] as const,
    ),
  );
  return Object.fromEntries(loaded) as LoadedCollections;
}

/** Loads and validates every file under `contentDir`; never throws for bad content. */
export async function loadContent(
  contentDir: string = resolveContentDir(),
  options: LoadOptions = {},
): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  // Checked with the content, so `npm run check` and the build report it before Astro starts.
  const siteNow = siteNowProblem(options.environment);
  if (siteNow)
    problems.push({
      file: 'SITE_NOW',
      field: '',
      message: siteNow,
      fix: 'Set SITE_NOW to an instant that exists, such as 2020-10-01T12:00:00Z, or leave it unset to use the real clock.',
    });
  const siteFile = path.join(contentDir, 'site.yaml');
  const sitePromise = readFile(siteFile).then(
    async () => {
      const parsed = await readContentFile(siteFile, false, problems);
      const data = parsed ? validate(siteSchema, parsed, problems) : undefined;
      if (parsed && data) problems.push(...(await siteProblems(contentDir, data, parsed)));
      return data;
    },
    () => {
      problems.push({
        file: displayPath(siteFile),
        field: '',
        message: 'The site settings file is missing.',
        fix: 'Create content/site.yaml with name, url, description and organization (see the content guide).',
      });
      return undefined;
    },
  );
  const [site, loaded, links] = await Promise.all([
    sitePromise,
    loadCollections(contentDir, problems),
    linkProblems(contentDir),
  ]);
  problems.push(...links);
  const { courses, instructors, boards, sponsors, policies } = loaded;

  // Files that failed their schema, or could not be read at all, still count as existing, so
  // references to them are not reported a second time.
  const idsOf = (collection: LoadedCollection<CollectionName>) => [
    ...collection.valid.map(({ entry }) => entry.id),
    ...[...collection.invalid.map(({ file }) => file), ...collection.unreadable].map((file) =>
      path.basename(file, path.extname(file)),
    ),
  ];
  const ids = {
    instructors: idsOf(instructors),
    boards: idsOf(boards),
    sponsors: idsOf(sponsors),
    policies: idsOf(policies),
  };
  const policyById = new Map(policies.valid.map(({ entry }) => [entry.id, entry.data]));
  const boardById = new Map(boards.valid.map(({ entry }) => [entry.id, entry.data]));
  const sponsorById = new Map(sponsors.valid.map(({ entry }) => [entry.id, entry.data]));

  for (const { entry: instructor, source } of instructors.valid) {
    const photo = instructor.data.photo;
    if (photo === undefined) continue;
    const exists = await stat(path.join(path.dirname(instructor.absolutePath), photo)).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!exists) {
      const line = source.lineOf(['photo']);
      problems.push({
        file: instructor.file,
        field: 'photo',
        ...(line === undefined ? {} : { line }),
        message: `There is no image file ${photo} in content/instructors/.`,
        expected: 'the path of an image file, from this file',
        found: JSON.stringify(photo),
        fix: `Save the photo as content/instructors/${photo}, or correct the path.`,
      });
    }
  }

  for (const { entry: sponsor, source } of sponsors.valid) {
    sponsor.data.approvals.forEach((approval, index) => {
      if (!ids.boards.includes(approval.board))
        problems.push(
          referenceProblem(
            sponsor.file,
            source,
            ['approvals', index, 'board'],
            'boards',
            approval.board,
            ids.boards,
          ),
        );
    });
    sponsor.data.jointAccreditation?.boards.forEach((board, index) => {
      if (!ids.boards.includes(board))
        problems.push(
          referenceProblem(
            sponsor.file,
            source,
            ['jointAccreditation', 'boards', index],
            'boards',
            board,
            ids.boards,
          ),
        );
    });
  }

  if (site && !ids.sponsors.includes(site.organization)) {
    const parsedSite = await readContentFile(siteFile, false, []);
    if (parsedSite)
      problems.push(
        referenceProblem(
          parsedSite.file,
          parsedSite.source,
          ['organization'],
          'sponsors',
          site.organization,
          ids.sponsors,
        ),
      );
  }

  const coursesBySlug = Map.groupBy(courses.valid, ({ entry }) => entry.id);
  for (const [slug, sharing] of coursesBySlug) {
    if (sharing.length < 2) continue;
    // One clash, one message: the course named by its own file keeps the slug (else the first
    // file), and each other course that takes it is told so.
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
  problems.push(...repeatedCourseProblems(courses.valid));
  problems.push(
    ...previousSlugProblems(
      courses.valid.map(({ entry, source }) => ({
        id: entry.id,
        file: entry.file,
        previousSlugs: entry.data.previousSlugs,
        lineOf: source.lineOf,
      })),
    ),
  );
  for (const { entry } of loaded.pages.valid) {
    const problem = pageSlugProblem(entry.id, entry.file);
    if (problem) problems.push(problem);
  }
  // Courses that failed their schema or could not be read can still be the one `replaces` names.
  const courseIds = new Set([...coursesBySlug.keys(), ...idsOf(courses)]);
  for (const { entry: course } of courses.valid) {
    if (course.extension === '.mdx' && site && !site.allowMdx) {
      problems.push({
        file: course.file,
        field: '',
        message: 'MDX files are turned off for this site (`allowMdx: false` in content/site.yaml).',
        fix: 'Rename the file to .md and remove any components or imports from it.',
      });
    }
  }

  // The real day, not SITE_NOW: a build pinned to the past still takes courses years ahead.
  const today = new Date().toISOString().slice(0, 10);
  // The build's clock, for the approvals an open-ended on-demand course advertises while online.
  const now = siteNow === undefined ? buildNow(options.environment).getTime() : undefined;
  const lapseWarnings: ContentProblem[] = [];
  const coursesToCheck = [
    ...courses.valid.map(({ entry, source }) => ({
      file: entry.file,
      source,
      data: entry.data as Partial<Course>,
      present: undefined,
    })),
    ...courses.invalid.map(({ file, source }) => ({
      file,
      source,
      data: validCourseFields(source.data),
      present: new Set(
        source.data !== null && typeof source.data === 'object' ? Object.keys(source.data) : [],
      ),
    })),
  ];
  for (const { file, source, data, present } of coursesToCheck) {
    data.instructors?.forEach((id, index) => {
      if (!ids.instructors.includes(id))
        problems.push(
          referenceProblem(
            file,
            source,
            ['instructors', index],
            'instructors',
            id,
            ids.instructors,
          ),
        );
    });
    data.approvals?.forEach((approval, index) => {
      if (!ids.boards.includes(approval.board))
        problems.push(
          referenceProblem(
            file,
            source,
            ['approvals', index, 'board'],
            'boards',
            approval.board,
            ids.boards,
          ),
        );
      if (approval.sponsor !== undefined && !ids.sponsors.includes(approval.sponsor)) {
        problems.push(
          referenceProblem(
            file,
            source,
            ['approvals', index, 'sponsor'],
            'sponsors',
            approval.sponsor,
            ids.sponsors,
          ),
        );
        return;
      }
      const board = boardById.get(approval.board);
      // Resolved only when every sponsor is known, so a missing one is reported once, as a reference.
      if (
        !board ||
        !data.sponsors ||
        data.ceHours === undefined ||
        !data.sponsors.every((id) => sponsorById.has(id))
      )
        return;
      const resolution = resolveApproval(
        approval,
        { sponsors: data.sponsors, ceHours: data.ceHours },
        board,
        sponsorById,
      );
      const period = resolution.ok
        ? (approvalPeriodProblem(
            resolution.approval,
            periodProblem(resolution.approval.period, creditDates(data)),
          ) ?? designationProblem(resolution.approval, approval))
        : approvalProblem(resolution, approval.board, data.sponsors);
      // Only an approval that covers the course's dates is checked against the clock.
      const lapse =
        resolution.ok && !period && now !== undefined
          ? approvalLapseProblem(resolution.approval, openEndedOnDemand(data), now)
          : undefined;
      const problem = period ?? (lapse?.severity === 'error' ? lapse.problem : undefined);
      if (lapse?.severity === 'warning') {
        const { path: lapsePath, ...rest } = lapse.problem;
        const at = ['approvals', index, ...lapsePath];
        const line = source.lineOf(at) ?? source.lineOf(['approvals', index]);
        lapseWarnings.push({
          code: 'approval-lapsing',
          ...rest,
          file,
          field: formatFieldPath(at),
          ...(line === undefined ? {} : { line }),
        });
      }
      if (problem) {
        const { path: problemPath, ...rest } = problem;
        const at = ['approvals', index, ...problemPath];
        const line = source.lineOf(at) ?? source.lineOf(['approvals', index]);
        problems.push({
          ...rest,
          file,
          field: formatFieldPath(at),
          ...(line === undefined ? {} : { line }),
        });
      }
    });
    if (data.replaces !== undefined && !courseIds.has(data.replaces)) {
      problems.push(
        referenceProblem(file, source, ['replaces'], 'courses', data.replaces, [
          ...coursesBySlug.keys(),
        ]),
      );
    }
    data.sponsors?.forEach((id, index) => {
      if (!ids.sponsors.includes(id))
        problems.push(
          referenceProblem(file, source, ['sponsors', index], 'sponsors', id, ids.sponsors),
        );
    });
    const policy = data.refundPolicy === undefined ? undefined : policyById.get(data.refundPolicy);
    if (data.refundPolicy !== undefined && !ids.policies.includes(data.refundPolicy)) {
      problems.push(
        referenceProblem(
          file,
          source,
          ['refundPolicy'],
          'policies',
          data.refundPolicy,
          ids.policies,
        ),
      );
    } else if (policy) {
      const uncovered = courseFormats(data).filter((format) => !policy.appliesTo.includes(format));
      if (uncovered.length > 0) {
        const formats = uncovered.join(' and ');
        const line = source.lineOf(['refundPolicy']);
        problems.push({
          file,
          field: 'refundPolicy',
          ...(line === undefined ? {} : { line }),
          message: `The policy "${data.refundPolicy}" does not cover ${formats} courses.`,
          expected: `a policy whose appliesTo includes ${formats}`,
          found: JSON.stringify(data.refundPolicy),
          fix: `Choose another policy, or add ${formats} to appliesTo in content/policies/${data.refundPolicy}.yaml if it really applies.`,
        });
      }
    }

    const context = {
      creditUnitOf: (board: string) => boardById.get(board)?.creditUnit,
      today,
      ...(present ? { presentFields: present } : {}),
    };
    for (const rule of courseRuleProblems(data, context)) {
      const { path: rulePath, ...rest } = rule;
      const line = source.lineOf(rulePath);
      problems.push({
        ...rest,
        file,
        field: formatFieldPath(rulePath),
        ...(line === undefined ? {} : { line }),
      });
    }
  }

  for (const { entry: sponsor, source } of sponsors.valid) {
    const problem = jointAccreditationProblem(sponsor.data);
    if (!problem) continue;
    const { path: problemPath, ...rest } = problem;
    const line = source.lineOf(problemPath);
    problems.push({
      ...rest,
      file: sponsor.file,
      field: formatFieldPath(problemPath),
      ...(line === undefined ? {} : { line }),
    });
  }

  for (const { entry: policy, source } of policies.valid) {
    for (const { path: rulePath, ...rest } of policyRuleProblems(policy.data)) {
      const line = source.lineOf(rulePath);
      problems.push({
        ...rest,
        file: policy.file,
        field: formatFieldPath(rulePath),
        ...(line === undefined ? {} : { line }),
      });
    }
  }

  const byLocation = (a: ContentProblem, b: ContentProblem) =>
    a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
  if (problems.length > 0 || !site) {
    problems.sort(byLocation);
    return { ok: false, problems };
  }
  const instructorById = new Map(instructors.valid.map(({ entry }) => [entry.id, entry.data]));
  const warnings = courses.valid
    .flatMap(({ entry, source }) =>
      complianceProblems({
        file: entry.file,
        course: entry.data,
        lineOf: source.lineOf,
        boards: boardById,
        sponsors: sponsorById,
        instructors: instructorById,
      }),
    )
    .concat(lapseWarnings)
    .sort(byLocation);
  if ((options.strict ?? site.strictCompliance) && warnings.length > 0)
    return { ok: false, problems: warnings };
  const entries = Object.fromEntries(
    FILE_COLLECTION_NAMES.map((name) => [name, loaded[name].valid.map(({ entry }) => entry)]),
  );
  return { ok: true, warnings, content: { site, ...entries } as ContentSet };
}
