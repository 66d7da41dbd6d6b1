/**
 * Run by `npm test` before any test: checks what the suite needs from the machine that `npm ci`
 * cannot bring (Java for the HTML checker, the system libraries of the test browser) and stops
 * with one line for each thing missing. Node, the browser and the checker's jar come with `npm ci`.
 */
import { spawnSync } from 'node:child_process';
import { browserExecutable } from './helpers/browser.ts';
import { javaProblem, libraryProblem } from './helpers/prerequisites.ts';

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const problems = [
  javaProblem(java.error || java.status !== 0 ? undefined : java.stderr || java.stdout),
  libraryProblem(spawnSync('ldd', [await browserExecutable()], { encoding: 'utf8' }).stdout ?? ''),
].filter((problem) => problem !== undefined);

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
