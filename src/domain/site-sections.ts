/**
 * The first URL segments the site's own routes take (src/pages/ and the facet routes), plus
 * the folders the build writes (search index, brand files, assets). A provider's page
 * (`content/pages/<slug>.md` → `/<slug>/`) may not take one: it would shadow the section or be
 * shadowed by it. A unit test checks this list against src/pages/ and the facets.
 */
export const SITE_SECTIONS = [
  '404',
  'admin',
  'boards',
  'brand',
  'courses',
  'formats',
  'instructors',
  'levels',
  'og',
  'pagefind',
  'professions',
  'providers',
  'search',
  'topics',
] as const;

export function isSiteSection(slug: string): boolean {
  return (SITE_SECTIONS as readonly string[]).includes(slug);
}
