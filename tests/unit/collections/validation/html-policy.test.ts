import fc from 'fast-check';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_ELEMENTS,
  attributeName,
  checkMarkdownBody,
  contentHtmlPlugin,
  isExternalLink,
  rawHtmlViolations,
  urlProblem,
} from '../../../../src/collections/validation/html-policy.ts';

const SITE = 'https://courses.example.org';

function messages(body: string): string[] {
  return checkMarkdownBody(body).map(({ line, message }) => `${line}: ${message}`);
}

describe('checkMarkdownBody', () => {
  it('accepts Markdown and the allowed HTML', () => {
    const body = [
      '## Outline',
      '',
      'Some *text*, a [link](https://www.example.org/page), [mail](mailto:info@example.org), [phone](tel:+15555550100), [a page](/courses/) and [a section](#outline).',
      '',
      '![A portrait](/images/portrait.jpg)',
      '',
      'An <abbr title="continuing education">CE</abbr> hour, H<sub>2</sub>O, <kbd>Ctrl</kbd>, <span lang="fr">bien sûr</span>.',
      '',
      '<dl>',
      '<dt>Term</dt>',
      '<dd>Definition with <a href="https://www.example.org/">a link</a></dd>',
      '</dl>',
      '',
      '<table><tr><th scope="col">A</th></tr><tr><td colspan="2">1</td></tr></table>',
      '',
      '<img src="/images/chart.png" alt="A chart" width="400" height="300">',
      '',
      '<!-- a comment for editors -->',
      '',
      '`<script>` in code is text, and so is:',
      '',
      '```html',
      '<script>alert(1)</script>',
      '```',
    ].join('\n');
    expect(messages(body)).toEqual([]);
  });

  it('rejects <script>, <style>, <iframe> and other embeds, naming the line', () => {
    const body =
      'Intro.\n\n<script>alert(1)</script>\n\n<style>p { color: red }</style>\n\n<div>\n<iframe src="https://www.example.org/"></iframe>\n</div>\n\n<object data="x.swf"></object>\n';
    expect(messages(body)).toEqual([
      '3: The HTML element <script> is not allowed in content.',
      '5: The HTML element <style> is not allowed in content.',
      '8: The HTML element <iframe> is not allowed in content.',
      '11: The HTML element <object> is not allowed in content.',
    ]);
  });

  it('rejects event handlers and style attributes, whatever their case', () => {
    expect(
      messages(
        'Text <b ONCLICK="x()">bold</b> and <span style="color:red">red</span>.\n\n<img src="/a.png" alt="" onerror=alert(1)>',
      ),
    ).toEqual([
      '1: The event-handler attribute `onclick` on <b> is not allowed: content runs no scripts.',
      '1: The `style` attribute on <span> is not allowed: the Content-Security-Policy blocks inline styles.',
      '3: The event-handler attribute `onerror` on <img> is not allowed: content runs no scripts.',
    ]);
  });

  it('rejects javascript: and data: links however they are written', () => {
    const bodies = [
      '[x](javascript:alert(1))',
      '[x](JavaScript:alert(1))',
      '[x](jav&#x61;script:alert(1))',
      '[x](javascript&#58;alert(1))',
      '[x](<java\tscript:alert(1)>)',
      '<javascript:alert(1)>',
      '[x][ref]\n\n[ref]: javascript:alert(1)',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" javascript:alert(1)">x</a>',
      '<a href="jav&#x09;ascript:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '[x](data:text/html,<script>alert(1)</script>)',
      '[x](vbscript:msgbox(1))',
    ];
    for (const body of bodies) {
      const found = checkMarkdownBody(body);
      expect(found.length, body).toBeGreaterThan(0);
      expect(
        found.some(({ message }) =>
          /`(javascript|data|vbscript):` link is not allowed/.test(message),
        ),
        body,
      ).toBe(true);
    }
  });

  it('accepts only images that are files on the site', () => {
    expect(
      messages(
        '![a](https://cdn.example.org/a.png)\n\n![b](//cdn.example.org/b.png)\n\n![c](/images/c.png)\n\n![d](images/d.png)',
      ),
    ).toEqual([
      '1: Images must be files on this site; the Content-Security-Policy loads no images from elsewhere.',
      '3: Images must be files on this site; the Content-Security-Policy loads no images from elsewhere.',
    ]);
  });

  it('rejects HTML left open, which would swallow the text after it', () => {
    const found = checkMarkdownBody(
      '<div>\n<img src="/a.png" alt="\n\nfoo" onerror="alert(1)">\n\nafter',
    );
    expect(found.map(({ line, message }) => [line, message])).toEqual([
      [
        1,
        'This HTML is not closed: an open tag, quote or comment would swallow the text after it.',
      ],
    ]);
    expect(checkMarkdownBody('Before\n\n<!-- never closed\n\nafter')[0]?.line).toBe(3);
  });

  it('names an attribute that is not allowed and lists what is', () => {
    const [problem] = checkMarkdownBody('<span class="x" id="y">z</span>');
    expect(problem).toMatchObject({
      line: 1,
      message: 'The attribute `class` is not allowed on <span>.',
      fix: 'Remove it; <span> accepts title, lang, dir.',
    });
  });

  it('asks for alt text on an HTML image', () => {
    expect(messages('<img src="/a.png">')).toEqual(['1: An image needs a text alternative.']);
  });

  it('never throws, and terminates quickly, on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'<>/="\'!-&#;:ab \n`*[]()'.split('')),
          maxLength: 200,
        }),
        (body) => {
          const started = performance.now();
          const found = checkMarkdownBody(body);
          expect(performance.now() - started).toBeLessThan(1000);
          for (const violation of found) expect(violation.line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('always finds a <script> block, whatever Markdown surrounds it', () => {
    const prose = fc.string({ unit: fc.constantFrom(...'abc *_#->.\n'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(
        prose,
        prose,
        fc.constantFrom('script', 'SCRIPT', 'iframe', 'style', 'object', 'embed'),
        (before, after, tag) => {
          const body = `${before}\n\n<${tag}>x</${tag}>\n\n${after}`;
          const found = checkMarkdownBody(body);
          expect(
            found.some(({ message }) => message.includes(`<${tag.toLowerCase()}>`)),
            body,
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rawHtmlViolations', () => {
  it('treats every allowed element with its own attributes as clean', () => {
    for (const [tag, attributes] of Object.entries(ALLOWED_ELEMENTS)) {
      const values: Record<string, string> = {
        href: '/courses/',
        src: '/images/a.png',
        cite: 'https://www.example.org/',
        alt: 'A picture',
      };
      const attributeText = attributes.map((name) => `${name}="${values[name] ?? '1'}"`).join(' ');
      const html = `<${tag} ${attributeText} title="t" lang="en" dir="ltr">`;
      const extra = tag === 'img' && !attributes.includes('alt') ? ' alt=""' : '';
      expect(rawHtmlViolations(html + extra, 1), html).toEqual([]);
    }
  });
});

describe('urlProblem and isExternalLink', () => {
  it('allows web, mail and phone links, and relative ones', () => {
    for (const url of [
      'https://x.org',
      'http://x.org',
      'mailto:a@b.org',
      'tel:+1',
      '/a/',
      'a/b',
      '#f',
      '?q=1',
      '',
    ])
      expect(urlProblem(url, 'link'), url).toBeUndefined();
  });

  it('refuses every other scheme, ignoring case, spaces and control characters', () => {
    for (const url of [
      'javascript:x',
      ' JAVASCRIPT:x',
      '\u0001javascript:x',
      'java\nscript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'blob:https://x.org/1',
    ]) {
      expect(urlProblem(url, 'link'), JSON.stringify(url)).toBeDefined();
    }
  });

  it('tells links to other sites from links within this one', () => {
    expect(isExternalLink('https://www.example.org/', SITE)).toBe(true);
    expect(isExternalLink('//www.example.org/', SITE)).toBe(true);
    expect(isExternalLink('https://courses.example.org/courses/', SITE)).toBe(false);
    expect(isExternalLink('/courses/', SITE)).toBe(false);
    expect(isExternalLink('#top', SITE)).toBe(false);
    expect(isExternalLink('mailto:a@b.org', SITE)).toBe(false);
  });
});

describe('attributeName', () => {
  it('turns hast property names back into HTML attribute names', () => {
    expect(attributeName('onClick')).toBe('onclick');
    expect(attributeName('className')).toBe('class');
    expect(attributeName('dataFooBar')).toBe('data-foo-bar');
    expect(attributeName('ariaLabel')).toBe('aria-label');
    expect(attributeName('xLinkHref')).toBe('xlink:href');
    expect(attributeName('colSpan')).toBe('colspan');
  });
});

describe('contentHtmlPlugin, in the renderer', () => {
  async function render(markdown: string): Promise<{ html: string; warnings: string[] }> {
    const warnings: string[] = [];
    const { html } = await markdownToHtml(markdown, {
      features: { gfm: true, rawHtml: true },
      hastPlugins: [contentHtmlPlugin(SITE, (warning) => warnings.push(warning))],
    });
    return { html, warnings };
  }

  it('gives links to other sites rel="noopener noreferrer", in Markdown and in HTML', async () => {
    const { html, warnings } = await render(
      '[out](https://www.example.org/) <a href="https://www.example.net/">out too</a> [in](/courses/) [home](https://courses.example.org/)',
    );
    expect(html).toContain('<a href="https://www.example.org/" rel="noopener noreferrer">out</a>');
    expect(html).toContain(
      '<a href="https://www.example.net/" rel="noopener noreferrer">out too</a>',
    );
    expect(html).toContain('<a href="/courses/">in</a>');
    expect(html).toContain('<a href="https://courses.example.org/">home</a>');
    expect(warnings).toEqual([]);
  });

  it('removes what can run code, with a warning, if anything gets that far', async () => {
    const { html, warnings } = await render(
      '<script>alert(1)</script>\n\n<img src="/a.png" alt="" onerror="alert(1)" style="x">\n\n[x](javascript:alert(1))\n\n<iframe src="https://x.org"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|style=|javascript:|<iframe/i);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/removed a <script> element/);
  });

  it('leaves what Markdown itself makes alone: task lists, footnotes, tables', async () => {
    const { html, warnings } = await render(
      '- [x] done\n\nText[^1]\n\n| a |\n| - |\n| 1 |\n\n[^1]: A note.',
    );
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('data-footnote-ref');
    expect(html).toContain('<table>');
    expect(warnings).toEqual([]);
  });

  it('removes elements outside the allow-list that the old fixed list let through: plaintext, input, video', async () => {
    const { html, warnings } = await render(
      'Before\n\n<video src="/a.mp4" controls>fallback</video>\n\n<input type="text" name="q" value="x">\n\n<plaintext>rest of the page',
    );
    expect(html).toBe('<p>Before</p>\n<p></p>\n\n<p></p>\n');
    expect(warnings).toEqual([
      'a Markdown body: removed a <video> element (not allowed in content).',
      'a Markdown body: removed an <input> element (only Markdown\u2019s task-list checkboxes are allowed in content).',
      'a Markdown body: removed a <plaintext> element (not allowed in content).',
    ]);
  });

  it('drops attributes outside the allow-list and prefixes ids and names against DOM clobbering', async () => {
    const { html, warnings } = await render(
      '<abbr title="World Health Organization" id="search-dialog" name="site" class="visually-hidden" data-x="1">WHO</abbr>',
    );
    expect(html).toBe(
      '<p><abbr title="World Health Organization" id="user-content-search-dialog" name="user-content-site">WHO</abbr></p>\n',
    );
    expect(warnings).toEqual([
      'a Markdown body: removed the class attribute of a <abbr> element (not allowed in content).',
      'a Markdown body: removed the data-x attribute of a <abbr> element (not allowed in content).',
    ]);
  });

  it('keeps footnote references pointing at their prefixed targets, and drops GFM alignment styles quietly', async () => {
    const { html, warnings } = await render('Text[^1]\n\n| a |\n| :-: |\n| 1 |\n\n[^1]: A note.');
    expect(html).toContain('id="user-content-fnref-1"');
    expect(html).toContain('aria-describedby="user-content-footnote-label"');
    expect(html).toContain('id="user-content-footnote-label"');
    expect(html).toContain('<th>a</th>');
    expect(html).not.toContain('style=');
    expect(warnings).toEqual([]);
  });
});
