/**
 * Reads one content file safely: UTF-8 only, a size limit on frontmatter, YAML 1.2 (so an
 * unquoted 2020-10-19 stays text and never becomes a UTC timestamp), a cap on aliases
 * against "billion laughs" bombs, and a map from field paths to line numbers.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { ContentProblem } from './problems.ts';

/** Frontmatter larger than this is almost certainly a mistake or an attack. */
export const MAX_FRONTMATTER_BYTES = 256 * 1024;
/** A YAML alias expands its anchor again; more than this many are rejected. */
const MAX_YAML_ALIASES = 50;

export interface ParsedSource {
  data: unknown;
  body: string;
  /** 1-based line of a field path, or of its nearest existing parent. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export type ParseResult = { ok: true; source: ParsedSource } | { ok: false; problems: ContentProblem[] };

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function fileProblem(file: string, message: string, fix: string, line?: number): ContentProblem {
  return { file, field: '', message, fix, ...(line === undefined ? {} : { line }) };
}

/** Decodes bytes as UTF-8, rejecting anything else rather than guessing. */
export function decodeUtf8(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; problems: ContentProblem[] } {
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, problems: [fileProblem(file, 'The file is not UTF-8 text.', 'Save the file with UTF-8 encoding (in most editors: "Save with encoding" › UTF-8).')] };
  }
}

/** Parses a Markdown file with frontmatter (`withBody`) or a plain YAML file. */
export function parseSource(text: string, file: string, withBody: boolean): ParseResult {
  let yamlText = text;
  let body = '';
  let lineOffset = 0;
  if (withBody) {
    const match = FRONTMATTER.exec(text);
    if (!match) {
      return { ok: false, problems: [fileProblem(file, 'The file has no frontmatter.', 'Start the file with a line `---`, the fields, and another line `---`, then the text.', 1)] };
    }
    yamlText = match[1] ?? '';
    body = text.slice(match[0].length);
    lineOffset = 1;
  }
  const size = Buffer.byteLength(yamlText);
  if (size > MAX_FRONTMATTER_BYTES) {
    return { ok: false, problems: [fileProblem(file, `The fields take ${Math.round(size / 1024)} KB; the limit is ${MAX_FRONTMATTER_BYTES / 1024} KB.`, 'Move long text into the Markdown body, or split the content.')] };
  }

  const lineStarts = [0];
  for (let index = 0; index < yamlText.length; index += 1) if (yamlText[index] === '\n') lineStarts.push(index + 1);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1 + lineOffset;
  };

  let document: Document;
  try {
    document = parseDocument(yamlText, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    return { ok: false, problems: [fileProblem(file, `The YAML could not be read: ${(error as Error).message}`, 'Check the indentation and quoting of the fields.')] };
  }
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const firstLine = error.message.split('\n')[0] ?? error.message;
        return fileProblem(
          file,
          `YAML syntax error: ${firstLine}`,
          'Check indentation, the colon after each field name, and quote text that contains a colon or starts with a special character.',
          error.linePos?.[0] ? error.linePos[0].line + lineOffset : undefined,
        );
      }),
    };
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    return { ok: false, problems: [fileProblem(file, `The YAML uses too many aliases (${(error as Error).message}).`, 'Write the values out instead of repeating them with & anchors and * aliases.')] };
  }
  if (data === null || data === undefined) data = {};

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let length = path.length; length >= 0; length -= 1) {
      const node = document.getIn(path.slice(0, length) as unknown[], true);
      const range = (isScalar(node) || isMap(node) || isSeq(node)) ? node.range : undefined;
      if (range) return lineAt(range[0]);
    }
    return undefined;
  };

  return { ok: true, source: { data, body, lineOf } };
}
