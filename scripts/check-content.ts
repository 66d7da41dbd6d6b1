/**
 * `npm run check [dir] [-- --strict] [-- --launch]`: validates every content file and prints
 * every problem at once, then the compliance warnings (what a CE body requires and a course
 * does not state). Reads CONTENT_DIR (default content/). Exits 1 when anything is wrong, or in
 * strict mode (`--strict`, or `strictCompliance: true` in site.yaml) when there is a warning;
 * with `--launch`, also while anything stands between the content and a site a provider can
 * put its name on (src/collections/validation/launch.ts). Writes nothing.
 */
import {
  complianceSummary,
  isComplianceProblem,
} from '../src/collections/validation/compliance.ts';
import { formatProblem, formatReport } from '../src/collections/validation/problems.ts';
import { loadContent, resolveContentDir } from '../src/collections/validation/load-content.ts';
import { launchItems } from '../src/collections/validation/launch.ts';
import { buildNow } from '../src/process/environment.ts';
import path from 'node:path';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const launch = args.includes('--launch');
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
  const { courses, instructors, boards, sponsors, policies, pages } = result.content;
  if (result.warnings.length > 0) {
    console.warn(`Compliance warnings:\n\n${result.warnings.map(formatProblem).join('\n\n')}\n`);
  }
  console.log(
    `Content is valid: ${courses.length} courses, ${instructors.length} instructors, ${boards.length} boards, ` +
      `${sponsors.length} sponsors, ${policies.length} policies, ${pages.length} pages (${elapsed} ms).`,
  );
  if (result.warnings.length > 0) console.log(complianceSummary(result.warnings, false));
  if (launch) {
    const items = launchItems({
      content: result.content,
      warnings: result.warnings,
      contentDir: path.relative(process.cwd(), contentDir) || '.',
      now: buildNow(),
    });
    if (items.length === 0)
      console.log('\nLaunch check: nothing left; the site is ready to go live.');
    else {
      const count = `${items.length} ${items.length === 1 ? 'item' : 'items'}`;
      console.error(
        `\nLaunch check: ${count} left before this site can go live:\n\n${items.map(formatProblem).join('\n\n')}\n`,
      );
      process.exitCode = 1;
    }
  }
}
