/**
 * The kinds of content, each once: adding a collection is one entry here. Astro's collections
 * (src/content.config.ts), the validator (validation/load-content.ts), the content guide, the
 * JSON Schemas and the admin's forms (src/admin/) all read this list.
 */
import type { z } from 'zod';
import { boardSchema } from './schemas/board.ts';
import { courseSchema } from './schemas/course.ts';
import { instructorSchema } from './schemas/instructor.ts';
import { pageSchema } from './schemas/page.ts';
import { policySchema } from './schemas/policy.ts';
import { siteSchema } from './schemas/site.ts';
import { sponsorSchema } from './schemas/sponsor.ts';

const MARKDOWN = ['.md', '.mdx'] as const;
const YAML = ['.yaml', '.yml'] as const;

export interface CollectionInfo {
  /** Heading in the guide. */
  title: string;
  /** Where the files are, from the repository root. */
  location: string;
  /** What one file is and what its Markdown body holds, when it has one. */
  summary: string;
  schema: z.ZodType;
  /** The file extensions its folder takes; the site settings are one file, content/site.yaml. */
  extensions: readonly string[];
  /** What the Markdown body is, for collections with one: named in messages and in the admin's form. */
  body?: { name: string; label: string; hint: string };
  /** In the admin: the field an entry is known by (its file name is made from it), and further fields a relation searches. */
  identifier: string;
  searchFields?: readonly string[];
  /**
   * The fields that name an entry of another collection, by path (`[]` for every entry of a
   * list): the validator checks each against the files of that collection, in one loop
   * (validation/references.ts).
   */
  references?: Readonly<Record<string, string>>;
}

export const COLLECTION_REGISTRY = {
  courses: {
    title: 'Courses',
    location: 'content/courses/<slug>.md',
    summary:
      'One Markdown (or MDX) file per course. The fields go between the `---` lines; the text below them is the course description. The file name is the URL: `/courses/<slug>/`.',
    schema: courseSchema,
    extensions: MARKDOWN,
    body: {
      name: 'course description',
      label: 'Course description',
      hint: 'The text of the course page, in Markdown.',
    },
    identifier: 'title',
    references: {
      'instructors[]': 'instructors',
      'approvals[].board': 'boards',
      'approvals[].sponsor': 'sponsors',
      replaces: 'courses',
      'sponsors[]': 'sponsors',
      refundPolicy: 'policies',
    },
  },
  instructors: {
    title: 'Instructors',
    location: 'content/instructors/<slug>.md',
    summary:
      'One Markdown file per instructor. The fields go between the `---` lines; the text below them is the biography. Courses name instructors by the file name.',
    schema: instructorSchema,
    extensions: ['.md'],
    body: {
      name: 'biography',
      label: 'Biography',
      hint: 'The text of the instructor page, in Markdown.',
    },
    identifier: 'name',
  },
  boards: {
    title: 'CE boards',
    location: 'content/boards/<slug>.yaml',
    summary:
      'One YAML file per board or body that approves courses for CE credit. Courses name boards by the file name in `approvals`.',
    schema: boardSchema,
    extensions: YAML,
    identifier: 'code',
    searchFields: ['fullName'],
  },
  sponsors: {
    title: 'Sponsors',
    location: 'content/sponsors/<slug>.yaml',
    summary:
      'One YAML file per sponsoring organisation. Courses name sponsors by the file name; `organization` in site.yaml names the one that publishes the site.',
    schema: sponsorSchema,
    extensions: YAML,
    identifier: 'name',
    searchFields: ['shortName'],
    references: {
      'approvals[].board': 'boards',
      'jointAccreditation.boards[]': 'boards',
    },
  },
  policies: {
    title: 'Refund policies',
    location: 'content/policies/<slug>.yaml',
    summary:
      'One YAML file per refund and cancellation policy. Courses name their policy by the file name in `refundPolicy`.',
    schema: policySchema,
    extensions: YAML,
    identifier: 'name',
  },
  pages: {
    title: 'Pages',
    location: 'content/pages/<slug>.md',
    summary:
      "One Markdown file per page of the provider's own (About, Contact, FAQ, Privacy, Terms, Accessibility statement). The file name is the URL: `/<slug>/`; it may not be the name of one of the site's own sections (`courses`, `search`, `admin`, …). The body goes through the same HTML policy as a course description.",
    schema: pageSchema,
    extensions: ['.md'],
    body: {
      name: 'page text',
      label: 'Page text',
      hint: 'The text of the page, in Markdown.',
    },
    identifier: 'title',
  },
  site: {
    title: 'Site settings',
    location: 'content/site.yaml',
    summary: 'One file of settings for the whole site.',
    schema: siteSchema,
    extensions: YAML,
    identifier: 'name',
    references: { organization: 'sponsors' },
  },
} as const satisfies Record<string, CollectionInfo>;

export type Registry = typeof COLLECTION_REGISTRY;
export type CollectionName = keyof Registry;
/** The collections that are folders of files; the site settings are one file. */
export type FileCollectionName = Exclude<CollectionName, 'site'>;

/** The fields of a collection that name entries of others (empty when it names none). */
export function referenceFields(name: CollectionName): [string, FileCollectionName][] {
  const info: CollectionInfo = COLLECTION_REGISTRY[name];
  return Object.entries(info.references ?? {}).map(([field, target]) => {
    if (!(FILE_COLLECTION_NAMES as readonly string[]).includes(target))
      throw new Error(
        `${name}.${field} references "${target}", which is not a collection of files`,
      );
    return [field, target as FileCollectionName];
  });
}

export const COLLECTION_NAMES = Object.keys(COLLECTION_REGISTRY) as CollectionName[];
export const FILE_COLLECTION_NAMES = COLLECTION_NAMES.filter(
  (name): name is FileCollectionName => name !== 'site',
);

/** Every collection with its name, in registry order. */
export const COLLECTIONS: readonly (CollectionInfo & { name: CollectionName })[] =
  COLLECTION_NAMES.map((name) => ({ name, ...COLLECTION_REGISTRY[name] }));

/** The file that holds a single-file collection, or the folder of a file collection, from the repository root. */
export function collectionPath(name: CollectionName): { folder: string } | { file: string } {
  return name === 'site' ? { file: 'content/site.yaml' } : { folder: `content/${name}` };
}

/** Globs of the YAML files of a collection, which editors' YAML extensions map to its JSON Schema. */
export function yamlFiles(name: CollectionName): string[] | undefined {
  if (name === 'site') return ['content/site.yaml'];
  const { extensions } = COLLECTION_REGISTRY[name];
  return extensions.some((extension) => extension === '.yaml')
    ? extensions.map((extension) => `content/${name}/*${extension}`)
    : undefined;
}

/** Path of a collection's JSON Schema, from the repository root. */
export function jsonSchemaPath(name: CollectionName): string {
  return `docs/schemas/${name}.schema.json`;
}
