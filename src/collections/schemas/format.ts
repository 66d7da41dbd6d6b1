import { z } from 'zod';

/** How a course is delivered. */
export const COURSE_FORMATS = ['live-online', 'in-person', 'hybrid', 'on-demand'] as const;
export const courseFormatSchema = z
  .enum(COURSE_FORMATS)
  .meta({ description: 'How the course is delivered.', examples: ['live-online'] });
export type CourseFormat = z.infer<typeof courseFormatSchema>;
