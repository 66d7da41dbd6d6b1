import { defineCollection } from 'astro:content';
import { contentLoader } from './collections/loader.ts';
import { boardSchema } from './collections/schemas/board.ts';
import { courseSchema } from './collections/schemas/course.ts';
import { instructorSchema } from './collections/schemas/instructor.ts';
import { policySchema } from './collections/schemas/policy.ts';
import { siteSchema } from './collections/schemas/site.ts';
import { sponsorSchema } from './collections/schemas/sponsor.ts';

// The loaders store data that has already been validated; the schemas here give the types.
export const collections = {
  courses: defineCollection({ loader: contentLoader('courses'), schema: courseSchema }),
  // image() turns the photo's path into an image astro:assets optimises.
  instructors: defineCollection({ loader: contentLoader('instructors'), schema: ({ image }) => instructorSchema.extend({ photo: image().optional() }) }),
  boards: defineCollection({ loader: contentLoader('boards'), schema: boardSchema }),
  sponsors: defineCollection({ loader: contentLoader('sponsors'), schema: sponsorSchema }),
  policies: defineCollection({ loader: contentLoader('policies'), schema: policySchema }),
  site: defineCollection({ loader: contentLoader('site'), schema: siteSchema }),
};
