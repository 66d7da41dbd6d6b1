/** Writing values as YAML text that editors can read and the content loader reads back unchanged. */

const RESERVED = /^(?:true|false|yes|no|on|off|null|~)$/i;

/** Text that YAML would read as something other than the same text, or that needs care, is quoted. */
function needsQuotes(text: string): boolean {
  return (
    text === '' ||
    text !== text.trim() ||
    RESERVED.test(text) ||
    // Digits first: numbers, dates and times must stay text.
    !/^[A-Za-z]/.test(text) ||
    /[:#\n"'[\]{},&*!|>%@`\\]/.test(text)
  );
}

/** A string as a YAML scalar: plain when that is safe, otherwise double-quoted (JSON is valid YAML). */
export function yamlString(text: string): string {
  return needsQuotes(text) ? JSON.stringify(text) : text;
}

/** A value on one line, in YAML flow style: `[beginner, intermediate]`, `{ amount: 30, currency: USD }`. */
export function yamlInline(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  if (Array.isArray(value)) return `[${value.map(yamlInline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${key}: ${yamlInline(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return String(value);
}
