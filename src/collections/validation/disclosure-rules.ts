/**
 * The rules for financial disclosures (ACCME Standards for Integrity and Independence,
 * Standards 3 and 6): one entry per person who controls content, naming an instructor of the
 * course or a planner, and no relevant financial relationship that was not mitigated before the
 * course, since only mitigated ones may be disclosed and the course still given.
 */
import type { Course } from '../schemas/course.ts';
import type { RuleProblem } from './course-rules.ts';

export function disclosureProblems(
  course: Pick<Partial<Course>, 'disclosures' | 'instructors'>,
): RuleProblem[] {
  const disclosures = course.disclosures;
  if (!disclosures) return [];
  const problems: RuleProblem[] = [];
  const add = (path: PropertyKey[], problem: Omit<RuleProblem, 'path' | 'field'>) =>
    problems.push({ path, field: '', ...problem });

  const seenPeople = new Map<string, number>();
  disclosures.people.forEach((person, index) => {
    const at = ['disclosures', 'people', index];
    if ((person.instructor === undefined) === (person.name === undefined)) {
      add(at, {
        message:
          'A disclosure names one person: an instructor of the course, or a planner by name.',
        expected: 'exactly one of `instructor` or `name`',
        found: person.instructor === undefined ? 'neither' : 'both',
        fix: 'Give `instructor: <slug>` for an instructor, or `name:` and `role: planner` for someone who plans the course.',
      });
      return;
    }
    if (
      person.instructor !== undefined &&
      course.instructors &&
      !course.instructors.includes(person.instructor)
    ) {
      add([...at, 'instructor'], {
        message: `"${person.instructor}" does not teach this course.`,
        expected: `one of the course's instructors: ${course.instructors.join(', ')}`,
        found: JSON.stringify(person.instructor),
        fix: 'Correct the slug, or add the instructor to `instructors`; a planner who does not teach is given by `name`.',
      });
    }
    const who = person.instructor ?? person.name!;
    if (person.relationships !== 'none') {
      person.relationships.forEach((relationship, relationshipIndex) => {
        if (relationship.mitigated) return;
        add([...at, 'relationships', relationshipIndex, 'mitigated'], {
          message: `${who}'s relationship with ${relationship.company} (${relationship.nature}) was not mitigated. A relevant financial relationship must be mitigated before the course (ACCME Standard 3); only then may the person control its content, with the relationship disclosed to learners.`,
          expected: 'a relationship mitigated before the course: `mitigated: true`',
          found: '`mitigated: false`',
          fix: `Mitigate it before the course, for example by having someone without financial relationships review ${who}'s content, then write \`mitigated: true\`; if it cannot be mitigated, give ${who}'s part to someone else.`,
        });
      });
    }
    const key = person.instructor ?? who.toLowerCase();
    const first = seenPeople.get(key);
    if (first !== undefined) {
      add(at, {
        message: `${who} has two disclosures.`,
        expected: 'one disclosure per person',
        found: `disclosures.people[${first}] and disclosures.people[${index}]`,
        fix: 'Merge them into one entry listing every relationship.',
      });
    } else seenPeople.set(key, index);
  });
  (course.instructors ?? []).forEach((instructor) => {
    if (!seenPeople.has(instructor)) {
      add(['disclosures', 'people'], {
        message: `The disclosures leave out ${instructor}, who teaches the course.`,
        expected: 'one disclosure for every instructor and planner',
        found: `no entry for ${instructor}`,
        fix: `Add \`- { instructor: ${instructor}, relationships: none }\`, or list the relationships.`,
      });
    }
  });
  return problems;
}
