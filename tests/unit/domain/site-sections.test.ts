/** A provider page may not take a section of the site: the list covers every route folder and facet. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { isSiteSection, SITE_SECTIONS } from '../../../src/domain/site-sections.ts';
import { repoRoot } from '../../helpers/fixtures.ts';

it('lists every first segment of src/pages/ that a slug could take', () => {
  const segments = readdirSync(path.join(repoRoot, 'src/pages'))
    .map((name) => name.replace(/\.(astro|ts)$/, ''))
    .filter((name) => /^[a-z0-9-]+$/.test(name) && name !== 'index');
  for (const segment of segments) expect(SITE_SECTIONS).toContain(segment);
});

it('lists every facet, whose pages are /<facet>/<term>/', () => {
  for (const facet of ['formats', 'levels', 'topics', 'boards'])
    expect(isSiteSection(facet)).toBe(true);
  expect(isSiteSection('about')).toBe(false);
});
