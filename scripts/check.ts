/**
 * `npm run check`: validates every content file and prints every problem at once.
 * Reads CONTENT_DIR (default content/). Exits 1 when anything is wrong; writes nothing.
 */
import { formatReport } from '../src/lib/content/problems.ts';
import { loadContent, resolveContentDir } from '../src/lib/content/load-content.ts';

const contentDir = resolveContentDir(process.argv[2]);
const started = performance.now();
const result = await loadContent(contentDir);
const elapsed = Math.round(performance.now() - started);

if (!result.ok) {
  console.error(formatReport(result.problems));
  process.exitCode = 1;
} else {
  const { courses, instructors, boards, sponsors, policies } = result.content;
  console.log(
    `Content is valid: ${courses.length} courses, ${instructors.length} instructors, ${boards.length} boards, ` +
      `${sponsors.length} sponsors, ${policies.length} policies (${elapsed} ms).`,
  );
}
