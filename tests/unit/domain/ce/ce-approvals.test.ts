import { describe, expect, it } from 'vitest';
import { boardSchema } from '../../../../src/collections/schemas/board.ts';
import { approvalSchema } from '../../../../src/collections/schemas/course.ts';
import { sponsorSchema, type Sponsor } from '../../../../src/collections/schemas/sponsor.ts';
import {
  creditDates,
  creditInHours,
  fillStatement,
  holderName,
  periodProblem,
  resolveApproval,
} from '../../../../src/domain/ce/ce-approvals.ts';
import {
  approvalPeriodProblem,
  approvalProblem,
} from '../../../../src/collections/validation/approval-problems.ts';

const apa = boardSchema.parse({
  code: 'APA',
  fullName: 'American Psychological Association',
  professions: ['Psychologists'],
  statementTemplate:
    '{organization} is approved by the American Psychological Association to sponsor continuing education for psychologists.',
});
const nbcc = boardSchema.parse({
  code: 'NBCC',
  professions: ['National Counselors'],
  statementTemplate:
    '{organization} has been approved by NBCC as an Approved Continuing Education Provider, ACEP No. {providerNumber}.',
});
const asha = boardSchema.parse({ code: 'ASHA', professions: ['Audiologists'], creditUnit: 'CEUs' });

const sponsors = new Map<string, Sponsor>([
  [
    'ibh',
    sponsorSchema.parse({
      name: 'Institute for Better Health',
      shortName: 'IBH',
      approvals: [{ board: 'apa', statement: 'IBH is approved by the APA, in its own words.' }],
    }),
  ],
  [
    'harbour',
    sponsorSchema.parse({
      name: 'Harbour Training Institute',
      approvals: [{ board: 'apa' }, { board: 'nbcc', validUntil: '2026-12-31' }],
    }),
  ],
  ['praxis', sponsorSchema.parse({ name: 'Praxis CET' })],
]);
const claim = (input: unknown) => approvalSchema.parse(input);

describe('fillStatement', () => {
  it('fills the organisation and number into the body’s wording', () => {
    expect(
      fillStatement(
        '{organization} (No. {providerNumber}) is approved. {organization} is responsible.',
        { organization: 'HTI', providerNumber: '7001' },
      ),
    ).toBe('HTI (No. 7001) is approved. HTI is responsible.');
  });

  it('gives no statement rather than one with a hole in it', () => {
    expect(
      fillStatement('{organization}, ACEP No. {providerNumber}.', { organization: 'HTI' }),
    ).toBeUndefined();
  });
});

describe('resolveApproval', () => {
  it('takes the statement from the approval of the sponsor that holds it, as written', () => {
    const result = resolveApproval(
      claim({ board: 'apa' }),
      { sponsors: ['praxis', 'ibh'], ceHours: 8 },
      apa,
      sponsors,
    );
    expect(result.ok && result.approval.statement).toBe(
      'IBH is approved by the APA, in its own words.',
    );
    expect(
      result.ok && result.approval.holder.kind === 'sponsor' && result.approval.holder.id,
    ).toBe('ibh');
    expect(result.ok && result.approval.credit).toEqual({ amount: 8, unit: 'hours', parts: [] });
  });

  it('fills the body’s template for a sponsor whose approval has no statement of its own', () => {
    const result = resolveApproval(
      claim({ board: 'apa' }),
      { sponsors: ['harbour'], ceHours: 3 },
      apa,
      sponsors,
    );
    expect(result.ok && result.approval.statement).toBe(
      'Harbour Training Institute is approved by the American Psychological Association to sponsor continuing education for psychologists.',
    );
  });

  it('leaves the statement out when the template needs a provider number the approval lacks', () => {
    const result = resolveApproval(
      claim({ board: 'nbcc' }),
      { sponsors: ['harbour'], ceHours: 3 },
      nbcc,
      sponsors,
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.approval.statement).toBeUndefined();
  });

  it('asks which sponsor when several hold the approval, and follows `sponsor` when given', () => {
    expect(
      resolveApproval(
        claim({ board: 'apa' }),
        { sponsors: ['ibh', 'harbour'], ceHours: 3 },
        apa,
        sponsors,
      ),
    ).toMatchObject({ ok: false, problem: 'several-holders', holders: ['ibh', 'harbour'] });
    const chosen = resolveApproval(
      claim({ board: 'apa', sponsor: 'harbour' }),
      { sponsors: ['ibh', 'harbour'], ceHours: 3 },
      apa,
      sponsors,
    );
    expect(chosen.ok && holderName(chosen.approval.holder)).toBe('Harbour Training Institute');
  });

  it('refuses a body no sponsor holds, a sponsor the course lacks, and one without the approval', () => {
    expect(
      resolveApproval(claim({ board: 'apa' }), { sponsors: ['praxis'], ceHours: 3 }, apa, sponsors),
    ).toMatchObject({ ok: false, problem: 'no-holder' });
    expect(
      resolveApproval(
        claim({ board: 'apa', sponsor: 'ibh' }),
        { sponsors: ['praxis'], ceHours: 3 },
        apa,
        sponsors,
      ),
    ).toMatchObject({ ok: false, problem: 'sponsor-not-listed', sponsor: 'ibh' });
    expect(
      resolveApproval(
        claim({ board: 'apa', sponsor: 'praxis' }),
        { sponsors: ['praxis', 'ibh'], ceHours: 3 },
        apa,
        sponsors,
      ),
    ).toMatchObject({ ok: false, problem: 'sponsor-not-approved', holders: ['ibh'] });
  });

  it('uses the course’s own approval, with its number, without asking the sponsors', () => {
    const result = resolveApproval(
      claim({ board: 'asha', courseApproval: { number: 'ASHA-1' }, credit: { amount: 0.8 } }),
      { sponsors: ['praxis'], ceHours: 8 },
      asha,
      sponsors,
    );
    expect(result.ok && result.approval.holder.kind).toBe('course');
    expect(result.ok && result.approval.number).toBe('ASHA-1');
    expect(result.ok && result.approval.credit).toEqual({ amount: 0.8, unit: 'CEUs', parts: [] });
  });
});

describe('approval periods', () => {
  it('counts 0.1 CEU as an hour', () => {
    expect(creditInHours(0.8, 'CEUs')).toBe(8);
    expect(creditInHours(8, 'contact hours')).toBe(8);
  });

  it('takes a course’s dates from its sessions, or from an on-demand course’s release and end of credit', () => {
    expect(
      creditDates({
        sessions: [
          { date: '2027-01-05', start: '10:00', end: '11:00', agenda: [] },
          { date: '2027-02-01', start: '10:00', end: '11:00', agenda: [] },
        ],
      }),
    ).toEqual({ first: '2027-01-05', last: '2027-02-01' });
    expect(
      creditDates({
        sessions: [],
        completion: { releaseDate: '2026-01-01', creditEndsOn: '2028-12-31' },
      }),
    ).toEqual({ first: '2026-01-01', last: '2028-12-31' });
  });

  it('finds an approval that ends before the course does, or starts after it began', () => {
    expect(
      periodProblem({ validUntil: '2026-12-31' }, { first: '2026-12-01', last: '2027-01-05' }),
    ).toEqual({ date: '2027-01-05', bound: 'validUntil' });
    expect(
      periodProblem({ validFrom: '2027-01-01' }, { first: '2026-12-01', last: '2027-01-05' }),
    ).toEqual({ date: '2026-12-01', bound: 'validFrom' });
    expect(
      periodProblem(
        { validFrom: '2026-01-01', validUntil: '2027-12-31' },
        { first: '2026-12-01', last: '2027-01-05' },
      ),
    ).toBeUndefined();
  });
});

describe('the editor’s messages for approvals', () => {
  it('names the sponsors and both ways to fix a body nobody holds', () => {
    const result = resolveApproval(
      claim({ board: 'apa' }),
      { sponsors: ['praxis'], ceHours: 3 },
      apa,
      sponsors,
    );
    if (result.ok) throw new Error('expected a problem');
    expect(approvalProblem(result, 'apa', ['praxis'])).toEqual({
      path: ['board'],
      field: '',
      message:
        'No sponsor of this course (praxis) is approved by APA, and the course gives no approval of its own.',
      expected: "an approval from APA in a sponsor's file, or `courseApproval`",
      found: 'no APA approval',
      fix: 'Add `- board: apa` under `approvals` in the file of the sponsor that holds it (content/sponsors/praxis.yaml), or give the course its own approval: `courseApproval: { number: "…" }`.',
    });
  });

  it('asks for `sponsor` when several hold it', () => {
    const result = resolveApproval(
      claim({ board: 'apa' }),
      { sponsors: ['ibh', 'harbour'], ceHours: 3 },
      apa,
      sponsors,
    );
    if (result.ok) throw new Error('expected a problem');
    expect(approvalProblem(result, 'apa', ['ibh', 'harbour'])).toEqual({
      path: ['board'],
      field: '',
      message:
        'Several sponsors of this course are approved by APA (ibh and harbour); the page must name the one whose approval gives the credit.',
      expected: '`sponsor:` naming one of ibh and harbour',
      found: 'no `sponsor`',
      fix: 'Add `sponsor: ibh` (or another of them) to this approval.',
    });
  });

  it('says when and where an expired approval ended', () => {
    const result = resolveApproval(
      claim({ board: 'nbcc' }),
      { sponsors: ['harbour'], ceHours: 3 },
      nbcc,
      sponsors,
    );
    if (!result.ok) throw new Error('expected an approval');
    expect(
      approvalPeriodProblem(result.approval, { date: '2027-01-05', bound: 'validUntil' }),
    ).toEqual({
      path: ['board'],
      field: '',
      message:
        "The NBCC approval of Harbour Training Institute ended on 2026-12-31, before the course's last date, 2027-01-05.",
      expected: "an approval valid from the course's first date to its last",
      found: '… to 2026-12-31',
      fix: "Correct the approval's `validUntil` in content/sponsors/harbour.yaml if it was renewed, or remove this approval from the course.",
    });
  });
});
