/**
 * Reads the `_headers` file format of Netlify and Cloudflare Pages: a path pattern on its own
 * line, then indented `Name: value` lines. Used by the local server so tests run under the
 * same headers a deploy sends.
 */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = { pattern: line.trim(), headers: {} };
      rules.push(current);
      continue;
    }
    const separator = line.indexOf(':');
    if (!current || separator < 0)
      throw new Error(`_headers: cannot read the line "${line.trim()}"`);
    current.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

/** `/*` matches everything; `/admin/*` a prefix; other patterns match exactly. */
export function patternMatches(pattern: string, urlPath: string): boolean {
  if (pattern.endsWith('*')) return urlPath.startsWith(pattern.slice(0, -1));
  return pattern === urlPath;
}

/** The headers for a path: every matching rule applies, later rules overriding earlier ones. */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules)
    if (patternMatches(rule.pattern, urlPath)) Object.assign(headers, rule.headers);
  return headers;
}
