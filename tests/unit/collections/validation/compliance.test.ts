/**
 * The compliance check: per course and per body, every promotional item the body requires and
 * the course does not state, as warnings in the content-error shape; errors in strict mode.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { complianceSummary } from '../../../../src/collections/validation/compliance.ts';
import { loadContent } from '../../../../src/collections/validation/load-content.ts';
import { formatProblem } from '../../../../src/collections/validation/problems.ts';
import { fixturesDir, repoRoot } from '../../../helpers/fixtures.ts';

/** What the seed's source does not state, for each body that requires it (../shared/REGULATORS.md). */
const SEED_REPORT = `content/courses/attachment-theory-treatment-effectiveness.md:55 › approvals[0]
  NBCC requires the course page to state its approval statement, naming the approved organisation, and this course does not.
  expected: the rule of NBCC: NBCC ACEP co-sponsorship form: required on promotional materials and program websites
  found:    no statement
  fix:      Add \`statement:\` to this approval’s \`courseApproval\`, as the body words it.

content/courses/attachment-theory-treatment-effectiveness.md:55 › approvals[0]
  NBCC requires the course page to state the provider or approval number, and this course does not.
  expected: the rule of NBCC: NBCC ACEP co-sponsorship form
  found:    no number
  fix:      Add \`number:\` to this approval’s \`courseApproval\`.

content/courses/attachment-theory-treatment-effectiveness.md:56 › approvals[1]
  NAADAC requires the course page to state its approval statement, naming the approved organisation, and this course does not.
  expected: the rule of NAADAC: NAADAC provider requirements (naadac.org/training-requirements-for-approved-education-providers)
  found:    no statement
  fix:      Add \`statement:\` to this approval’s \`courseApproval\`, as the body words it.

content/courses/attachment-theory-treatment-effectiveness.md:56 › approvals[1]
  NAADAC requires the course page to state the provider or approval number, and this course does not.
  expected: the rule of NAADAC: NAADAC provider requirements (naadac.org/training-requirements-for-approved-education-providers)
  found:    no number
  fix:      Add \`number:\` to this approval’s \`courseApproval\`.

content/courses/attachment-theory-treatment-effectiveness.md:60 › approvals[5]
  ACCME requires the course page to state its approval statement, naming the approved organisation, and this course does not.
  expected: the rule of ACCME: Joint Accreditation (ACCME/ANCC/ACPE) policies
  found:    no statement
  fix:      Add \`statement:\` to this approval’s \`courseApproval\`, as the body words it.

content/courses/attachment-theory-treatment-effectiveness.md:60 › disclosures
  ACCME requires the course page to state the financial relationships of everyone who controls content, or that they have none, and this course does not.
  expected: the rule of ACCME: ACCME Standards for Integrity and Independence, Standard 6 (accme.org)
  found:    no disclosures
  fix:      Add \`disclosures: { people: [...] }\` with one entry for every instructor and planner (\`relationships: none\` where they have none).

content/courses/attachment-theory-treatment-effectiveness.md:60 › disclosures.commercialSupport
  ACCME requires the course page to state the commercial support, or that there was none, and this course does not.
  expected: the rule of ACCME: ACCME Standards for Integrity and Independence, Standard 6 (accme.org)
  found:    nothing
  fix:      Add \`commercialSupport: none\`, or list who gave support.

content/courses/attachment-theory-treatment-effectiveness.md:60 › completion
  ACCME requires the course page to state the completion requirements (attendance, evaluation, test and passing score, certificate), and this course does not.
  expected: the rule of ACCME: Joint Accreditation (ACCME/ANCC/ACPE) policies
  found:    no completion requirements
  fix:      Add \`completion:\` with \`fullAttendance\`, \`evaluation\`, \`test\` and \`certificate\` as they apply.

content/courses/attachment-theory-treatment-effectiveness.md:61 › approvals[6]
  ANCC requires the course page to state its approval statement, naming the approved organisation, and this course does not.
  expected: the rule of ANCC: Joint Accreditation (ACCME/ANCC/ACPE) policies
  found:    no statement
  fix:      Add \`statement:\` to this approval’s \`courseApproval\`, as the body words it.

content/courses/attachment-theory-treatment-effectiveness.md:61 › disclosures
  ANCC requires the course page to state the financial relationships of everyone who controls content, or that they have none, and this course does not.
  expected: the rule of ANCC: ACCME Standards for Integrity and Independence, Standard 6 (accme.org)
  found:    no disclosures
  fix:      Add \`disclosures: { people: [...] }\` with one entry for every instructor and planner (\`relationships: none\` where they have none).

content/courses/attachment-theory-treatment-effectiveness.md:61 › disclosures.commercialSupport
  ANCC requires the course page to state the commercial support, or that there was none, and this course does not.
  expected: the rule of ANCC: ACCME Standards for Integrity and Independence, Standard 6 (accme.org)
  found:    nothing
  fix:      Add \`commercialSupport: none\`, or list who gave support.

content/courses/attachment-theory-treatment-effectiveness.md:61 › completion
  ANCC requires the course page to state the completion requirements (attendance, evaluation, test and passing score, certificate), and this course does not.
  expected: the rule of ANCC: Joint Accreditation (ACCME/ANCC/ACPE) policies
  found:    no completion requirements
  fix:      Add \`completion:\` with \`fullAttendance\`, \`evaluation\`, \`test\` and \`certificate\` as they apply.

content/courses/attachment-theory-treatment-effectiveness.md:62 › prices
  APA requires the course page to state the cost, including all fees, and this course does not.
  expected: the rule of APA: Arizona Psychological Association, brochure checklist of an APA sponsor (azpa.org/form.php?form_id=20)
  found:    no price
  fix:      Add \`prices: [{ amount: …, currency: USD }]\` once the cost is known; the page shows no price until then.

content/courses/attachment-theory-treatment-effectiveness.md:63 › sponsors
  NBCC requires the course page to state the grievance procedure and whom to contact, and this course does not.
  expected: the rule of NBCC: NBCC Compliance and Complaint Policies
  found:    no grievance policy
  fix:      Add \`grievancePolicy:\` to content/sponsors/praxis-cet.yaml; the site gives it a page linked from the course.`;

describe('the compliance report of the seed course', () => {
  it('names every required item the source lacks, per body, and nothing it states', async () => {
    const result = await loadContent(path.join(repoRoot, 'content'));
    if (!result.ok) throw new Error('the real content must be valid');
    expect(result.warnings.map(formatProblem).join('\n\n')).toBe(SEED_REPORT);
    expect(complianceSummary(result.warnings, false)).toBe(
      '14 compliance warnings in 1 course: NBCC 3, NAADAC 2, ACCME 4, ANCC 4, APA 1.',
    );
  });

  it('makes them errors in strict mode, from the option or from site.yaml', async () => {
    const strict = await loadContent(path.join(repoRoot, 'content'), { strict: true });
    expect(strict.ok).toBe(false);
    expect(!strict.ok && strict.problems.map(formatProblem).join('\n\n')).toBe(SEED_REPORT);

    const dir = await mkdtemp(path.join(tmpdir(), 'ce-strict-'));
    await cp(path.join(repoRoot, 'content'), dir, { recursive: true });
    await writeFile(
      path.join(dir, 'site.yaml'),
      `${await readFile(path.join(repoRoot, 'content/site.yaml'), 'utf8')}strictCompliance: true\n`,
    );
    const fromSite = await loadContent(dir);
    expect(!fromSite.ok && fromSite.problems).toHaveLength(14);
  });
});

describe('a course that states what its bodies require', () => {
  it('gets a warning only for the one statement its content lacks', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-compliance-'));
    await cp(path.join(repoRoot, 'content'), dir, { recursive: true });
    await cp(path.join(fixturesDir, 'ce'), dir, { recursive: true });
    const result = await loadContent(dir);
    if (!result.ok) throw new Error('the CE fixture content must be valid');
    const fixture = result.warnings.filter((warning) =>
      warning.file.endsWith('ethics-of-care-webinar.md'),
    );
    expect(fixture.map(({ field, message }) => `${field}: ${message}`)).toEqual([
      'approvals[3]: ANCC requires the course page to state its approval statement, naming the approved organisation, and this course does not.',
    ]);
  });
});
