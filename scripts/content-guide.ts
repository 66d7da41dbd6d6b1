/**
 * `npm run guide`: writes docs/CONTENT.md and docs/schemas/<collection>.schema.json from the
 * zod schemas. `npm run guide -- --check` writes nothing and exits 1 when a committed file
 * differs from what would be generated. `--root <dir>` reads and writes under another folder
 * (the tests use it).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generatedFiles, staleFiles, writeGenerated } from '../src/admin/guide.ts';

const { values } = parseArgs({
  options: { check: { type: 'boolean', default: false }, root: { type: 'string' } },
  strict: true,
});
const root = path.resolve(values.root ?? path.join(import.meta.dirname, '..'));
const files = await generatedFiles();

if (values.check) {
  const stale = await staleFiles(root, files);
  if (stale.length > 0) {
    console.error(
      `Out of date (generated from src/collections/schemas/ and src/admin/):\n${stale.map((file) => `  ${file}`).join('\n')}\nRun \`npm run guide\` and commit the result.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`${files.size} generated files are up to date.`);
  }
} else {
  const written = await writeGenerated(root, files);
  console.log(`Wrote ${written.join(', ')}.`);
}
