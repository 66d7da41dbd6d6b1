/** The kinds of content an editor writes, with where they live; the guide and the JSON Schemas follow this list. */
import type { z } from 'zod';
import { boardSchema } from '../collections/schemas/board.ts';
import { courseSchema } from '../collections/schemas/course.ts';
import { instructorSchema } from '../collections/schemas/instructor.ts';
import { policySchema } from '../collections/schemas/policy.ts';
import { siteSchema } from '../collections/schemas/site.ts';
import { sponsorSchema } from '../collections/schemas/sponsor.ts';

export type CollectionName = 'courses' | 'instructors' | 'boards' | 'sponsors' | 'policies' | 'site';

export interface CollectionInfo {
  name: CollectionName;
  /** Heading in the guide. */
  title: string;
  /** Where the files are, from the repository root. */
  location: string;
  /** What one file is and what its Markdown body holds, when it has one. */
  summary: string;
  schema: z.ZodType;
  /** Globs the YAML extension maps to this schema; Markdown frontmatter is out of its reach. */
  yamlFiles?: string[];
}

export const COLLECTIONS: readonly CollectionInfo[] = [
  {
    name: 'courses',
    title: 'Courses',
    location: 'content/courses/<slug>.md',
    summary: 'One Markdown (or MDX) file per course. The fields go between the `---` lines; the text below them is the course description. The file name is the URL: `/courses/<slug>/`.',
    schema: courseSchema,
  },
  {
    name: 'instructors',
    title: 'Instructors',
    location: 'content/instructors/<slug>.md',
    summary: 'One Markdown file per instructor. The fields go between the `---` lines; the text below them is the biography. Courses name instructors by the file name.',
    schema: instructorSchema,
  },
  {
    name: 'boards',
    title: 'CE boards',
    location: 'content/boards/<slug>.yaml',
    summary: 'One YAML file per board or body that approves courses for CE credit. Courses name boards by the file name in `approvals`.',
    schema: boardSchema,
    yamlFiles: ['content/boards/*.yaml', 'content/boards/*.yml'],
  },
  {
    name: 'sponsors',
    title: 'Sponsors',
    location: 'content/sponsors/<slug>.yaml',
    summary: 'One YAML file per sponsoring organisation. Courses name sponsors by the file name; `organization` in site.yaml names the one that publishes the site.',
    schema: sponsorSchema,
    yamlFiles: ['content/sponsors/*.yaml', 'content/sponsors/*.yml'],
  },
  {
    name: 'policies',
    title: 'Refund policies',
    location: 'content/policies/<slug>.yaml',
    summary: 'One YAML file per refund and cancellation policy. Courses name their policy by the file name in `refundPolicy`.',
    schema: policySchema,
    yamlFiles: ['content/policies/*.yaml', 'content/policies/*.yml'],
  },
  {
    name: 'site',
    title: 'Site settings',
    location: 'content/site.yaml',
    summary: 'One file of settings for the whole site.',
    schema: siteSchema,
    yamlFiles: ['content/site.yaml'],
  },
];

/** Path of a collection's JSON Schema, from the repository root. */
export function jsonSchemaPath(name: CollectionName): string {
  return `docs/schemas/${name}.schema.json`;
}
