import { defineCollection } from 'astro:content';
import { contentLoader } from './loaders/content-loader.ts';
import { boardSchema } from './schemas/board.ts';
import { courseSchema } from './schemas/course.ts';
import { instructorSchema } from './schemas/instructor.ts';
import { policySchema } from './schemas/policy.ts';
import { siteSchema } from './schemas/site.ts';
import { sponsorSchema } from './schemas/sponsor.ts';

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
