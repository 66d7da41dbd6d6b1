/** Where a course's credit is worth nothing to a profession, as the boards' files state it. */
import { describe, expect, it } from 'vitest';
import { boardSchema, type Board } from '../../../../src/collections/schemas/board.ts';
import { refusedCredit } from '../../../../src/domain/ce/professions.ts';

const nasw = boardSchema.parse({
  code: 'NASW',
  professions: ['Social Workers'],
  jurisdictions: {
    notAccepted: ['NY', 'NJ', 'NC', 'WV'],
    source: 'socialworkers.org, CE Approval Program, board endorsements',
  },
});
const nyState = boardSchema.parse({
  code: 'NY State',
  professions: ['Counselors', 'Social Workers'],
  jurisdictions: { accepted: ['NY'], source: 'NY State Education Department' },
});
const otherState = boardSchema.parse({
  code: 'Other State Level',
  professions: ['Counselors', 'MFTs', 'Social Workers'],
});
const apa = boardSchema.parse({ code: 'APA', professions: ['Psychologists'] });
const aswb = boardSchema.parse({
  code: 'ASWB ACE',
  professions: ['Social Workers'],
  jurisdictions: { notAccepted: ['NY', 'WV'], source: 'aswb.org, ACE' },
});

const refused = (approvals: Board[], index = 0) =>
  refusedCredit(approvals[index]!, approvals, (board) => board);

describe('refusedCredit', () => {
  it('names every state that refuses a course’s only credit for social workers, NASW’s', () => {
    expect(refused([nasw, apa])).toEqual([
      {
        profession: 'Social Workers',
        states: ['NJ', 'NY', 'NC', 'WV'],
        text: 'Social workers licensed in New Jersey, New York, North Carolina or West Virginia get no credit from this course: those states’ boards do not accept NASW credit (socialworkers.org, CE Approval Program, board endorsements).',
      },
    ]);
  });

  it('says nothing beside another credit no source says those states refuse', () => {
    // NY State credit is accepted in New York, and nothing is known of the other three.
    expect(refused([nasw, nyState])).toEqual([]);
    expect(refused([nasw, otherState])).toEqual([]);
  });

  it('says so when the course’s other credit for the profession is refused there too', () => {
    expect(refused([nasw, aswb])).toEqual([
      {
        profession: 'Social Workers',
        states: ['NY', 'WV'],
        text: 'Social workers licensed in New York or West Virginia get no credit from this course: those states’ boards do not accept NASW credit, nor the course’s other credit for social workers (socialworkers.org, CE Approval Program, board endorsements).',
      },
    ]);
    expect(refused([nasw, aswb], 1)).toEqual([
      {
        profession: 'Social Workers',
        states: ['NY', 'WV'],
        text: 'Social workers licensed in New York or West Virginia get no credit from this course: those states’ boards do not accept ASWB ACE credit, nor the course’s other credit for social workers (aswb.org, ACE).',
      },
    ]);
  });

  it('names one state as one state', () => {
    const oneState = boardSchema.parse({
      code: 'NASW',
      professions: ['Social Workers'],
      jurisdictions: { notAccepted: ['NY'], source: 'a source' },
    });
    expect(refused([oneState]).map(({ text }) => text)).toEqual([
      'Social workers licensed in New York get no credit from this course: that state’s board does not accept NASW credit (a source).',
    ]);
  });

  it('says nothing for a body no state is said to refuse', () => {
    expect(refused([apa, nasw])).toEqual([]);
    expect(refused([nyState, nasw])).toEqual([]);
  });
});
