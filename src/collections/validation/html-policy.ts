/**
 * What a Markdown body (a course description, an instructor's biography) may contain.
 *
 * Markdown is the way to write content. Raw HTML is accepted only for the few things Markdown
 * has no syntax for (an abbreviation, a definition list, a table with merged cells), from the
 * elements and attributes in ALLOWED_ELEMENTS. Anything that could run code, load something
 * from elsewhere or restyle the page is refused: `<script>`, `<style>`, `<iframe>` and other
 * embeds, forms, SVG and MathML, event-handler attributes (`onclick`), `style` attributes, and
 * links to anything but http(s), mailto and tel (so no `javascript:` or `data:`). Images must
 * be files on this site, as the Content-Security-Policy loads no others.
 *
 * Three layers enforce it:
 * 1. `checkMarkdownBody`, run by the validator, rejects the file with its line number before
 *    anything is built (`npm run check`, `npm run build`).
 * 2. `contentHtmlPlugin`, run by the Markdown renderer, removes anything dangerous that got
 *    past the check and warns, and gives links to other sites `rel="noopener noreferrer"`.
 * 3. The Content-Security-Policy (src/build/security.ts) blocks inline scripts, handlers and
 *    `javascript:` URLs in the browser even if both of the above were bypassed.
 *
 * MDX files are not checked: MDX runs code at build time, so it is for trusted authors only,
 * and `allowMdx: false` in content/site.yaml turns it off.
 */
import {
  defineHastPlugin,
  htmlToHast,
  markdownToHtml,
  type HastNode,
  type HastPluginDefinition,
} from 'satteri';

const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'] as const;

/** Raw HTML elements a body may use, with the attributes each accepts besides title, lang and dir. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang'],
  abbr: [],
  address: [],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  col: ['span'],
  colgroup: ['span'],
  data: ['value'],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  pre: [],
  q: ['cite'],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'headers'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

const EMBED_FIX =
  'Link to it instead: [title](https://…). The site loads nothing from other sites, so embedded frames, objects and media are blocked.';
const FORM_FIX = 'Link to the form instead: [Register](https://…).';

/** Why an element is refused, and what to do instead; elements not listed get a generic fix. */
const REFUSED_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'Remove it. Content runs no scripts; the Content-Security-Policy would block it anyway.',
  noscript: 'Remove it. Content runs no scripts.',
  template: 'Remove it. Content runs no scripts.',
  style:
    'Remove it. The site stylesheet styles content; inline styles are blocked by the Content-Security-Policy.',
  link: 'Remove it. Pages load only the site’s own stylesheet.',
  meta: 'Remove it. Page metadata comes from the frontmatter.',
  base: 'Remove it. It would change where every link on the page points.',
  iframe: EMBED_FIX,
  frame: EMBED_FIX,
  frameset: EMBED_FIX,
  object: EMBED_FIX,
  embed: EMBED_FIX,
  applet: EMBED_FIX,
  portal: EMBED_FIX,
  video: EMBED_FIX,
  audio: EMBED_FIX,
  source: EMBED_FIX,
  track: EMBED_FIX,
  picture: 'Use a Markdown image: ![description](/images/name.jpg).',
  form: FORM_FIX,
  input: FORM_FIX,
  button: FORM_FIX,
  select: FORM_FIX,
  textarea: FORM_FIX,
  svg: 'Save the drawing as an image file under public/ and use a Markdown image: ![description](/images/name.svg).',
  math: 'Write the formula in text, or save it as an image under public/.',
  h1: 'Use a level-2 heading (## in Markdown): the page title is the only level-1 heading.',
};

/**
 * What Markdown itself makes besides the raw HTML above, which the renderer keeps: `# headings`,
 * task-list checkboxes, footnotes and code-block languages. Raw HTML may not use these.
 */
const MARKDOWN_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  h1: [],
  h2: ['class'],
  input: ['type', 'checked', 'disabled'],
  a: ['class', 'data-footnote-ref', 'data-footnote-backref', 'aria-describedby', 'aria-label'],
  code: ['class'],
  li: ['class'],
  ul: ['class'],
  section: ['class', 'data-footnotes'],
};
/** The only classes Markdown gives (task lists, footnotes, code languages); any other could restyle the page. */
const MARKDOWN_CLASS =
  /^(contains-task-list|task-list-item|footnotes|sr-only|data-footnote-backref|language-[\w-]+)$/;
/** GFM's column alignment, which the Content-Security-Policy would block as an inline style anyway. */
const MARKDOWN_ALIGNMENT = /^text-align: (left|center|right)$/;

/**
 * Attributes that name an element or point at one, prefixed as hast-util-sanitize's
 * `clobberPrefix` does so content can never take an id the page's own script or links rely on
 * (DOM clobbering).
 */
const CLOBBERED = new Set(['id', 'name', 'aria-describedby']);
export const CLOBBER_PREFIX = 'user-content-';

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** Attributes holding a URL, in hast property form. */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'cite',
  'action',
  'formAction',
  'poster',
  'background',
  'xLinkHref',
  'data',
  'srcSet',
  'ping',
]);

const SPECIAL_NAMES: Readonly<Record<string, string>> = {
  className: 'class',
  htmlFor: 'for',
  httpEquiv: 'http-equiv',
  acceptCharset: 'accept-charset',
  xLinkHref: 'xlink:href',
  xmlLang: 'xml:lang',
};

/** The HTML attribute name of a hast property: `onClick` → `onclick`, `dataFoo` → `data-foo`, `ariaDescribedBy` → `aria-describedby`. */
export function attributeName(property: string): string {
  if (SPECIAL_NAMES[property]) return SPECIAL_NAMES[property];
  if (/^aria[A-Z]/.test(property)) return `aria-${property.slice(4).toLowerCase()}`;
  if (/^data[A-Z]/.test(property))
    return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}

/** The same attributes by HTML name, as the renderer checks them. */
const URL_ATTRIBUTES = new Set([...URL_PROPERTIES].map(attributeName));

/** A URL as a browser reads it: leading and trailing controls and spaces dropped, tabs and newlines removed. */
function browserUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z\d+.-]*):/i.exec(browserUrl(url))?.[1]?.toLowerCase();
}

export type UrlUse = 'link' | 'image';

/** Why a URL may not be used in content, or undefined when it may. */
export function urlProblem(url: string, use: UrlUse): { message: string; fix: string } | undefined {
  const scheme = schemeOf(url);
  if (use === 'image') {
    if (scheme === undefined && !browserUrl(url).startsWith('//')) return undefined;
    return {
      message:
        'Images must be files on this site; the Content-Security-Policy loads no images from elsewhere.',
      fix: 'Save the image under public/images/ and write its path, such as /images/name.jpg.',
    };
  }
  if (scheme === undefined || LINK_SCHEMES.has(scheme)) return undefined;
  return {
    message: `A \`${scheme}:\` link is not allowed; links may only go to web pages (https:), e-mail (mailto:) or phone numbers (tel:).`,
    fix:
      scheme === 'javascript'
        ? 'Remove the link. Content runs no scripts.'
        : 'Link to a web page instead, or remove the link.',
  };
}

/** The rel of every link in content to another site, whether its body is Markdown or MDX. */
export const EXTERNAL_LINK_REL = ['noopener', 'noreferrer'] as const;

/** Whether `href` leads to another site than `siteUrl`. */
export function isExternalLink(href: string, siteUrl: string | undefined): boolean {
  const scheme = schemeOf(href);
  if (scheme !== 'http' && scheme !== 'https' && !browserUrl(href).startsWith('//')) return false;
  if (!URL.canParse(href, 'https://invalid.invalid')) return true;
  const target = new URL(href, 'https://invalid.invalid');
  return !siteUrl || !URL.canParse(siteUrl) || target.host !== new URL(siteUrl).host;
}

export interface BodyViolation {
  /** 1-based line in the body (the text after the frontmatter). */
  line: number;
  message: string;
  found: string;
  fix: string;
}

type Element = Extract<HastNode, { type: 'element' }>;

function* elementsOf(node: HastNode): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const child of node.children as HastNode[]) yield* elementsOf(child);
}

/** Where `needle` first appears in `text` at or after `from` (case-insensitive), or `from`. */
function indexOf(text: string, needle: string, from = 0): number {
  const index = text.toLowerCase().indexOf(needle.toLowerCase(), from);
  return index < 0 ? from : index;
}

/** The line of `index` in `text`, whose first line is `firstLine`. */
function lineAt(text: string, index: number, firstLine: number): number {
  let line = firstLine;
  for (let position = 0; position < index; position += 1)
    if (text.charCodeAt(position) === 10) line += 1;
  return line;
}

function elementViolations(element: Element, html: string, line: number): BodyViolation[] {
  const tag = element.tagName.toLowerCase();
  const tagIndex = indexOf(html, `<${tag}`);
  const tagLine = lineAt(html, tagIndex, line);
  const allowed = ALLOWED_ELEMENTS[tag];
  if (!allowed) {
    return [
      {
        line: tagLine,
        message: `The HTML element <${tag}> is not allowed in content.`,
        found: `<${tag}>`,
        fix:
          REFUSED_ELEMENTS[tag] ??
          `Write it in Markdown, or use one of the HTML elements listed in docs/security.md.`,
      },
    ];
  }
  const violations: BodyViolation[] = [];
  for (const [property, value] of Object.entries(element.properties ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    const name = attributeName(property);
    const at = lineAt(html, indexOf(html, name, tagIndex), line);
    if (name.startsWith('on')) {
      violations.push({
        line: at,
        message: `The event-handler attribute \`${name}\` on <${tag}> is not allowed: content runs no scripts.`,
        found: name,
        fix: `Remove \`${name}\`.`,
      });
    } else if (name === 'style') {
      violations.push({
        line: at,
        message: `The \`style\` attribute on <${tag}> is not allowed: the Content-Security-Policy blocks inline styles.`,
        found: 'style',
        fix: 'Remove it; the site stylesheet styles content.',
      });
    } else if (
      !allowed.includes(name) &&
      !(GLOBAL_ATTRIBUTES as readonly string[]).includes(name)
    ) {
      const accepted = [...allowed, ...GLOBAL_ATTRIBUTES].join(', ');
      violations.push({
        line: at,
        message: `The attribute \`${name}\` is not allowed on <${tag}>.`,
        found: name,
        fix: `Remove it; <${tag}> accepts ${accepted}.`,
      });
    } else if (URL_PROPERTIES.has(property) && typeof value === 'string') {
      const problem = urlProblem(value, tag === 'img' ? 'image' : 'link');
      if (problem) violations.push({ line: at, ...problem, found: `${name}="${value}"` });
    }
  }
  if (tag === 'img' && typeof element.properties?.['alt'] !== 'string') {
    violations.push({
      line: tagLine,
      message: 'An image needs a text alternative.',
      found: '<img> without alt',
      fix: 'Add alt="…" describing the image, or alt="" if it is decoration.',
    });
  }
  return violations;
}

const SENTINEL = 'ce-end';

function hasSentinel(node: HastNode): boolean {
  if (node.type === 'comment') return node.value === SENTINEL;
  return 'children' in node && (node.children as HastNode[]).some(hasSentinel);
}

/**
 * Problems in one piece of raw HTML starting at `line`. The piece is parsed as a browser would
 * (Sätteri's HTML parser), followed by a sentinel comment, which every parsing context keeps:
 * when the sentinel does not come out as that comment, the piece left a tag, quote, comment or
 * raw-text element open that would swallow the text after it.
 */
export function rawHtmlViolations(html: string, line: number): BodyViolation[] {
  const tree = htmlToHast(`${html}<!--${SENTINEL}-->`, { fragment: true }) as HastNode;
  const violations: BodyViolation[] = [];
  for (const element of elementsOf(tree))
    violations.push(...elementViolations(element, html, line));
  if (!hasSentinel(tree) && violations.length === 0) {
    violations.push({
      line,
      message:
        'This HTML is not closed: an open tag, quote or comment would swallow the text after it.',
      found: html.length > 60 ? `${html.slice(0, 57)}...` : html,
      fix: 'Close every tag with >, every attribute value with its quote, and every <!-- comment with -->.',
    });
  }
  return violations;
}

interface Collected {
  html: { value: string; line: number }[];
  urls: { url: string; line: number; use: UrlUse; kind: string }[];
}

/**
 * Every violation of the policy in a Markdown body, parsed by Sätteri exactly as the site's
 * renderer parses it. Only raw HTML, links, images and link definitions are inspected.
 */
export function checkMarkdownBody(body: string): BodyViolation[] {
  const collected: Collected = { html: [], urls: [] };
  const line = (node: { position?: { start: { line: number } } | undefined }) =>
    node.position?.start.line ?? 1;
  // With synchronous plugins Sätteri works synchronously.
  markdownToHtml(body, {
    features: { gfm: true, frontmatter: false },
    mdastPlugins: [
      {
        name: 'ce-content-policy-check',
        options: { position: true },
        html: (node) => void collected.html.push({ value: node.value, line: line(node) }),
        link: (node) =>
          void collected.urls.push({ url: node.url, line: line(node), use: 'link', kind: 'link' }),
        definition: (node) =>
          void collected.urls.push({
            url: node.url,
            line: line(node),
            use: 'link',
            kind: 'link definition',
          }),
        image: (node) =>
          void collected.urls.push({
            url: node.url,
            line: line(node),
            use: 'image',
            kind: 'image',
          }),
      },
    ],
  });
  const violations: BodyViolation[] = [];
  for (const { value, line: start } of collected.html)
    violations.push(...rawHtmlViolations(value, start));
  for (const { url, line: at, use, kind } of collected.urls) {
    const problem = urlProblem(url, use);
    if (problem)
      violations.push({ line: at, ...problem, found: `${kind} to ${JSON.stringify(url)}` });
  }
  return violations.sort((a, b) => a.line - b.line);
}

/** The attributes the renderer keeps on `tag`: the validator's allow-list plus what Markdown makes. */
function rendererAttributes(tag: string): ReadonlySet<string> {
  return new Set([
    ...GLOBAL_ATTRIBUTES,
    ...(ALLOWED_ELEMENTS[tag] ?? []),
    ...(MARKDOWN_ELEMENTS[tag] ?? []),
    ...CLOBBERED,
  ]);
}
const RENDERER_ATTRIBUTES = new Map(
  [...Object.keys(ALLOWED_ELEMENTS), ...Object.keys(MARKDOWN_ELEMENTS)].map((tag) => [
    tag,
    rendererAttributes(tag),
  ]),
);

type PropertyValue = Element['properties'][string];

/** What the renderer makes of one attribute: keep it, drop it quietly, give it a new value, or remove it with a warning. */
function rendererAttribute(
  tag: string,
  name: string,
  value: NonNullable<PropertyValue>,
): 'keep' | 'drop' | 'refuse' | { value: PropertyValue } {
  if (!RENDERER_ATTRIBUTES.get(tag)?.has(name)) {
    return (tag === 'th' || tag === 'td') &&
      name === 'style' &&
      MARKDOWN_ALIGNMENT.test(String(value))
      ? 'drop'
      : 'refuse';
  }
  if (CLOBBERED.has(name)) {
    // aria-describedby holds a list of ids: each gets the prefix its target got.
    const ids = (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String);
    if (ids.every((id) => id.startsWith(CLOBBER_PREFIX))) return 'keep';
    const prefixed = ids.map((id) =>
      id.startsWith(CLOBBER_PREFIX) ? id : `${CLOBBER_PREFIX}${id}`,
    );
    return { value: Array.isArray(value) ? prefixed : prefixed.join(' ') };
  }
  if (name === 'class') {
    const classes = (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String);
    return classes.every((token) => MARKDOWN_CLASS.test(token)) ? 'keep' : 'refuse';
  }
  if (URL_ATTRIBUTES.has(name) && typeof value === 'string')
    return urlProblem(value, tag === 'img' ? 'image' : 'link') ? 'refuse' : 'keep';
  return 'keep';
}

/**
 * The renderer's half of the policy, a Sätteri hast plugin for `.md` bodies rendered with
 * `rawHtml` (so raw HTML arrives here as elements). It applies the validator's allow-list
 * (ALLOWED_ELEMENTS) plus what Markdown itself makes: any other element is removed with its
 * content, any other attribute dropped, each with a warning; `id` and `name` get the
 * `user-content-` prefix; a checkbox must stay a disabled checkbox; and links to other sites get
 * `rel="noopener noreferrer"`. The validator rejects all of it first, so the warnings only fire
 * if something bypassed it or a parser quirk let it through.
 */
export function contentHtmlPlugin(
  siteUrl: string | undefined,
  warn: (message: string) => void = console.warn,
): HastPluginDefinition {
  return defineHastPlugin({
    name: 'ce-content-html-policy',
    element: {
      filter: [],
      visit(node, context) {
        const where = context.fileURL
          ? decodeURIComponent(context.fileURL.pathname)
          : 'a Markdown body';
        const tag = node.tagName.toLowerCase();
        if (!RENDERER_ATTRIBUTES.has(tag)) {
          warn(`${where}: removed a <${tag}> element (not allowed in content).`);
          context.removeNode(node);
          return;
        }
        if (
          tag === 'input' &&
          (node.properties?.['type'] !== 'checkbox' || node.properties['disabled'] !== true)
        ) {
          warn(
            `${where}: removed an <input> element (only Markdown’s task-list checkboxes are allowed in content).`,
          );
          context.removeNode(node);
          return;
        }
        for (const [property, value] of Object.entries(node.properties ?? {})) {
          if (value === undefined || value === null) continue;
          const name = attributeName(property);
          const outcome = rendererAttribute(tag, name, value);
          if (outcome === 'keep') continue;
          if (outcome === 'refuse')
            warn(
              `${where}: removed the ${name} attribute of a <${tag}> element (not allowed in content).`,
            );
          context.setProperty(
            node,
            property,
            outcome === 'refuse' || outcome === 'drop' ? undefined : outcome.value,
          );
        }
        const href = node.properties?.['href'];
        if (tag === 'a' && typeof href === 'string' && isExternalLink(href, siteUrl))
          context.setProperty(node, 'rel', [...EXTERNAL_LINK_REL]);
      },
    },
  });
}
