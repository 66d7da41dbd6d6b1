/** The course rules for CE credit, disclosures, completion and agenda parts without credit, with their messages whole. */
import { describe, expect, it } from 'vitest';
import { courseRuleProblems } from '../../../../src/collections/validation/course-rules.ts';
import { courseSchema } from '../../../../src/collections/schemas/course.ts';
import { courseWith, MINIMAL_COURSE } from '../../../helpers/course.ts';

const problems = (changes: Record<string, unknown>) =>
  courseRuleProblems(courseWith(changes), {
    creditUnitOf: (board) => (board === 'asha' ? 'CEUs' : 'hours'),
  });

const withBreak = [
  {
    date: '2027-02-10',
    start: '12:00',
    end: '15:30',
    agenda: [
      { start: '12:00', end: '13:30', title: 'Consent' },
      { start: '13:30', end: '14:00', title: 'Break', noCredit: true },
      { start: '14:00', end: '15:30', title: 'Boundaries' },
    ],
  },
];

describe('agenda parts that give no credit', () => {
  it('leave the schedule’s hours: 3.5 scheduled less a 30-minute break is 3 hours of credit', () => {
    expect(problems({ sessions: withBreak, ceHours: 3 })).toEqual([]);
    expect(problems({ sessions: withBreak, ceHours: 3.5 })).toEqual([
      {
        path: ['ceHours'],
        field: '',
        message:
          'The course awards more CE hours than the 3 hours of credit the schedule provides (3.5 hours less 0.5 hours without credit).',
        expected: 'at most 3 hours',
        found: '3.5 hours',
        fix: 'Correct `ceHours`, or the session times.',
      },
    ]);
  });

  it('need their times, inside their session', () => {
    const sessions = [
      {
        date: '2027-02-10',
        start: '12:00',
        end: '15:30',
        agenda: [
          { title: 'Lunch', noCredit: true },
          { title: 'Late', start: '15:00', end: '16:00' },
        ],
      },
    ];
    expect(problems({ sessions })).toEqual([
      {
        path: ['sessions', 0, 'agenda', 0, 'start'],
        field: '',
        message:
          '"Lunch" gives no CE credit, so the schedule needs its times to leave it out of the hours.',
        expected: 'start and end, such as start: "12:00" and end: "13:00"',
        found: 'nothing',
        fix: 'Add `start` and `end` to this agenda item.',
      },
      {
        path: ['sessions', 0, 'agenda', 1, 'end'],
        field: '',
        message: '"Late" does not fit its session (12:00–15:30).',
        expected: 'a start and end between 12:00 and 15:30, end after start',
        found: '15:00–16:00',
        fix: 'Correct the times of the agenda item, or of the session.',
      },
    ]);
  });
});

describe('credit per body', () => {
  it('must add up across its parts', () => {
    const credit = {
      amount: 3.5,
      parts: [
        { amount: 2, category: 'ethics' },
        { amount: 1, category: 'general' },
      ],
    };
    expect(problems({ approvals: [{ board: 'apa', credit }] })).toEqual([
      {
        path: ['approvals', 0, 'credit', 'parts'],
        field: '',
        message: 'The parts add up to 3 hours, not the 3.5 hours of this credit.',
        expected: '3.5 hours',
        found: '3 hours',
        fix: 'Make the parts add up to `amount`, or correct `amount`.',
      },
    ]);
  });

  it('may not stand for more hours than the schedule provides, counting 0.1 CEU as an hour', () => {
    expect(
      problems({ approvals: [{ board: 'asha', courseApproval: {}, credit: { amount: 0.35 } }] }),
    ).toEqual([]);
    expect(
      problems({ approvals: [{ board: 'asha', courseApproval: {}, credit: { amount: 0.4 } }] }),
    ).toEqual([
      {
        path: ['approvals', 0, 'credit', 'amount'],
        field: '',
        message: 'This credit stands for 4 hours, more than the 3.5 hours scheduled.',
        expected: 'at most 0.35 CEUs',
        found: '0.4 CEUs',
        fix: 'Correct the amount (0.1 CEU is one hour), or the session times.',
      },
    ]);
  });
});

describe('credit compared as the page prints it', () => {
  // 6 hours 15 minutes: 0.625 CEUs, which a page (two decimals) cannot print.
  const longDay = {
    sessions: [{ date: '2027-02-10', start: '09:00', end: '15:15' }],
    ceHours: 6.25,
  };
  const asha = (amount: number, parts?: { amount: number }[]) =>
    problems({
      ...longDay,
      approvals: [
        { board: 'asha', courseApproval: {}, credit: { amount, ...(parts ? { parts } : {}) } },
      ],
    });

  it('refuses 0.63 CEUs for 6.25 hours, saying at most 0.62 CEUs', () => {
    expect(asha(0.62)).toEqual([]);
    expect(asha(0.63)).toEqual([
      {
        path: ['approvals', 0, 'credit', 'amount'],
        field: '',
        message: 'This credit stands for 6.3 hours, more than the 6.25 hours scheduled.',
        expected: 'at most 0.62 CEUs',
        found: '0.63 CEUs',
        fix: 'Correct the amount (0.1 CEU is one hour), or the session times.',
      },
    ]);
  });

  it('refuses 0.625 CEUs too, which the page would print as 0.63', () => {
    expect(asha(0.625)).toEqual([
      {
        path: ['approvals', 0, 'credit', 'amount'],
        field: '',
        message: 'This credit stands for 6.3 hours, more than the 6.25 hours scheduled.',
        expected: 'at most 0.62 CEUs',
        found: '0.625 CEUs, which the page prints as 0.63 CEUs',
        fix: 'Correct the amount (0.1 CEU is one hour), or the session times.',
      },
    ]);
  });

  it('adds up parts as printed, so parts the page shows as 0.33 each do not make 1', () => {
    expect(asha(0.6, [{ amount: 0.3 }, { amount: 0.3 }])).toEqual([]);
    expect(asha(0.6, [{ amount: 0.2 }, { amount: 0.2 }, { amount: 0.2 }])).toEqual([]);
    expect(asha(0.6, [{ amount: 0.201 }, { amount: 0.201 }, { amount: 0.201 }])).toEqual([]);
    expect(asha(0.5, [{ amount: 1 / 6 }, { amount: 1 / 6 }, { amount: 1 / 6 }])).toEqual([
      {
        path: ['approvals', 0, 'credit', 'parts'],
        field: '',
        message: 'The parts add up to 0.51 CEUs, not the 0.5 CEUs of this credit.',
        expected: '0.5 CEUs',
        found: '0.51 CEUs',
        fix: 'Make the parts add up to `amount`, or correct `amount`.',
      },
    ]);
  });
});

describe('approvals not yet granted', () => {
  it('are refused, never advertised as pending', () => {
    expect(
      problems({ approvals: [{ board: 'apa', note: 'Approval pending for this course.' }] }),
    ).toEqual([
      {
        path: ['approvals', 0, 'note'],
        field: '',
        message:
          'A course page may not advertise an approval as pending: NASW forbids the wording, and Washington forbids advertising before approval.',
        expected: 'an approval the body has granted',
        found: '"Approval pending for this course."',
        fix: 'Remove this approval until it is granted, then list it with its number.',
      },
    ]);
  });
});

describe('disclosures', () => {
  it('accept one entry per instructor and planner', () => {
    const disclosures = {
      people: [
        { instructor: 'ada-example', relationships: 'none' },
        {
          name: 'Jordan Lee',
          role: 'planner',
          relationships: [{ company: 'Example Pharma', nature: 'Consultant', mitigated: true }],
        },
      ],
      commercialSupport: 'none',
    };
    expect(problems({ disclosures })).toEqual([]);
  });

  it('name the instructor they leave out', () => {
    const disclosures = { people: [{ instructor: 'ada-example', relationships: 'none' }] };
    expect(problems({ instructors: ['ada-example', 'sam-fixture'], disclosures })).toEqual([
      {
        path: ['disclosures', 'people'],
        field: '',
        message: 'The disclosures leave out sam-fixture, who teaches the course.',
        expected: 'one disclosure for every instructor and planner',
        found: 'no entry for sam-fixture',
        fix: 'Add `- { instructor: sam-fixture, relationships: none }`, or list the relationships.',
      },
    ]);
  });

  it('refuse a person twice, someone who does not teach given as an instructor, and an entry naming nobody', () => {
    const disclosures = {
      people: [
        { instructor: 'ada-example', relationships: 'none' },
        { instructor: 'ada-example', relationships: 'none' },
        { instructor: 'sam-fixture', relationships: 'none' },
        { relationships: 'none' },
      ],
    };
    expect(problems({ disclosures }).map(({ path, message }) => [path.join('.'), message])).toEqual(
      [
        ['disclosures.people.1', 'ada-example has two disclosures.'],
        ['disclosures.people.2.instructor', '"sam-fixture" does not teach this course.'],
        [
          'disclosures.people.3',
          'A disclosure names one person: an instructor of the course, or a planner by name.',
        ],
      ],
    );
  });

  it('never take a relationship that was not mitigated, and say the rule and what to do', () => {
    const disclosures = {
      people: [
        {
          instructor: 'ada-example',
          relationships: [
            { company: 'Example Devices', nature: 'Consultant', mitigated: true },
            { company: 'Example Pharma', nature: 'Speaker', mitigated: false },
          ],
        },
      ],
    };
    expect(courseSchema.safeParse({ ...MINIMAL_COURSE, disclosures }).success).toBe(true);
    expect(problems({ disclosures })).toEqual([
      {
        path: ['disclosures', 'people', 0, 'relationships', 1, 'mitigated'],
        field: '',
        message:
          "ada-example's relationship with Example Pharma (Speaker) was not mitigated. A relevant financial relationship must be mitigated before the course (ACCME Standard 3); only then may the person control its content, with the relationship disclosed to learners.",
        expected: 'a relationship mitigated before the course: `mitigated: true`',
        found: '`mitigated: false`',
        fix: "Mitigate it before the course, for example by having someone without financial relationships review ada-example's content, then write `mitigated: true`; if it cannot be mitigated, give ada-example's part to someone else.",
      },
    ]);
  });

  it('name a planner by name when their relationship was not mitigated', () => {
    const disclosures = {
      people: [
        { instructor: 'ada-example', relationships: 'none' },
        {
          name: 'Jordan Lee',
          role: 'planner',
          relationships: [{ company: 'Example Pharma', nature: 'Consultant', mitigated: false }],
        },
      ],
    };
    expect(problems({ disclosures }).map(({ path, message }) => [path.join('.'), message])).toEqual(
      [
        [
          'disclosures.people.1.relationships.0.mitigated',
          "Jordan Lee's relationship with Example Pharma (Consultant) was not mitigated. A relevant financial relationship must be mitigated before the course (ACCME Standard 3); only then may the person control its content, with the relationship disclosed to learners.",
        ],
      ],
    );
  });
});

describe('completion', () => {
  it('keeps release and end-of-credit dates to on-demand courses, in order', () => {
    expect(problems({ completion: { releaseDate: '2027-01-01' } })).toEqual([
      {
        path: ['completion', 'releaseDate'],
        field: '',
        message:
          'Release and end-of-credit dates are for on-demand courses; this one has sessions.',
        expected: 'no releaseDate or creditEndsOn',
        found: 'live-online',
        fix: 'Remove the dates, or change `format` to on-demand.',
      },
    ]);
    const onDemand = { format: 'on-demand', sessions: [], timeZone: 'America/Chicago' };
    expect(
      problems({
        ...onDemand,
        completion: { releaseDate: '2027-01-01', creditEndsOn: '2026-01-01' },
      }),
    ).toEqual([
      {
        path: ['completion', 'creditEndsOn'],
        field: '',
        message: 'Credit ends before the material is released.',
        expected: 'a date after 2027-01-01',
        found: '2026-01-01',
        fix: 'Correct `creditEndsOn` or `releaseDate`.',
      },
    ]);
  });
});
