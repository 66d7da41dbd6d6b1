import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { contentLoader } from './collections/loader.ts';
import {
  COLLECTION_NAMES,
  COLLECTION_REGISTRY,
  type CollectionName,
  type Registry,
} from './collections/registry.ts';
import { instructorSchema } from './collections/schemas/instructor.ts';

/** What Astro's generated types read from each collection: its schema and its loader. */
type AstroCollections = {
  [N in CollectionName]: { loader: Loader; schema: Registry[N]['schema'] };
};

// One Astro collection per entry of the registry. The loaders store data that has already been
// validated; the schemas here give the types.
const fromRegistry = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [
    name,
    defineCollection({ loader: contentLoader(name), schema: COLLECTION_REGISTRY[name].schema }),
  ]),
) as AstroCollections;

export const collections = {
  ...fromRegistry,
  // image() turns the photo's path into an image astro:assets optimises.
  instructors: defineCollection({
    loader: contentLoader('instructors'),
    schema: ({ image }) => instructorSchema.extend({ photo: image().optional() }),
  }),
};
