/** A minimal valid course for rule tests: one live-online session; each test changes what it needs. */
import { courseSchema, type Course } from '../../src/collections/schemas/course.ts';

export const MINIMAL_COURSE = {
  title: 'A course',
  summary: 'A course.',
  instructors: ['ada-example'],
  format: 'live-online',
  timeZone: 'America/Chicago',
  sessions: [{ date: '2027-02-10', start: '12:00', end: '15:30' }],
  ceHours: 3.5,
  audience: 'Counselors',
  levels: ['beginner'],
  topics: ['Ethics'],
  objectives: { leadIn: 'Participants will be able to:', items: ['Do one thing.'] },
  approvals: [{ board: 'apa' }],
  sponsors: ['praxis-cet'],
  refundPolicy: 'praxis-refund',
};

/** The minimal course with `changes` applied, parsed as the validator parses it. */
export const courseWith = (changes: Record<string, unknown>): Course =>
  courseSchema.parse({ ...MINIMAL_COURSE, ...changes });
