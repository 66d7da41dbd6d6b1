/**
 * Old course addresses that keep working after a rename (`previousSlugs`): a `_redirects` file
 * for hosts that read one (Netlify, Cloudflare Pages: a real 301), and a small page at each old
 * address for hosts that do not (GitHub Pages, a plain server): a canonical link to the new
 * address, which search engines follow as a redirect, a meta refresh for browsers, and a plain
 * link for everyone else. No script, so the page works under the site's CSP and without JavaScript.
 */

export interface CourseRedirect {
  /** The path that no longer has a course, such as `/courses/old-slug/`. */
  from: string;
  /** The course's current path. */
  to: string;
}

export function courseRedirects(
  courses: readonly { id: string; data: { previousSlugs: readonly string[] } }[],
): CourseRedirect[] {
  return courses
    .flatMap(({ id, data }) =>
      data.previousSlugs.map((old) => ({ from: `/courses/${old}/`, to: `/courses/${id}/` })),
    )
    .sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * `_redirects`: each old path with and without its trailing slash, permanently. Cloudflare
 * Pages applies a rule even where a file exists; Netlify serves the file there instead (its
 * "shadowing"), which is the redirect page below, so the old address still leads to the course.
 */
export function redirectsFile(redirects: readonly CourseRedirect[]): string {
  if (redirects.length === 0) return '';
  const lines = redirects.flatMap(({ from, to }) => [
    `${from.replace(/\/$/, '')} ${to} 301`,
    `${from} ${to} 301`,
  ]);
  return `# Renamed courses (previousSlugs), written by the build.\n${lines.join('\n')}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The page left at an old address: valid HTML, no script, no style. */
export function redirectPage(
  redirect: CourseRedirect,
  options: { siteUrl: string; title: string; language: string },
): string {
  const target = new URL(redirect.to, options.siteUrl).href;
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title} has moved</title>
    <link rel="canonical" href="${escapeHtml(target)}">
    <meta name="robots" content="noindex">
    <meta http-equiv="refresh" content="0; url=${escapeHtml(redirect.to)}">
  </head>
  <body>
    <main>
      <h1>${title} has moved</h1>
      <p>This course is now at <a href="${escapeHtml(redirect.to)}">${escapeHtml(target)}</a>.</p>
    </main>
  </body>
</html>
`;
}
