/**
 * `npm run check [dir] [-- --strict]`: validates every content file and prints every problem at
 * once, then the compliance warnings (what a CE body requires and a course does not state).
 * Reads CONTENT_DIR (default content/). Exits 1 when anything is wrong, or in strict mode
 * (`--strict`, or `strictCompliance: true` in site.yaml) when there is a warning; writes nothing.
 */
import {
  complianceSummary,
  isComplianceProblem,
} from '../src/collections/validation/compliance.ts';
import { formatProblem, formatReport } from '../src/collections/validation/problems.ts';
import { loadContent, resolveContentDir } from '../src/collections/validation/load-content.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const contentDir = resolveContentDir(args.find((arg) => !arg.startsWith('--')));
const started = performance.now();
const result = await loadContent(contentDir, strict ? { strict } : {});
const elapsed = Math.round(performance.now() - started);

if (!result.ok) {
  console.error(formatReport(result.problems));
  const compliance = result.problems.filter(isComplianceProblem);
  if (compliance.length > 0) console.error(`\n${complianceSummary(compliance, true)}`);
  process.exitCode = 1;
} else {
  const { courses, instructors, boards, sponsors, policies } = result.content;
  if (result.warnings.length > 0) {
    console.warn(`Compliance warnings:\n\n${result.warnings.map(formatProblem).join('\n\n')}\n`);
  }
  console.log(
    `Content is valid: ${courses.length} courses, ${instructors.length} instructors, ${boards.length} boards, ` +
      `${sponsors.length} sponsors, ${policies.length} policies (${elapsed} ms).`,
  );
  if (result.warnings.length > 0) console.log(complianceSummary(result.warnings, false));
}
