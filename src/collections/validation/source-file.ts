/**
 * Reads one content file safely: UTF-8 only, a size limit on frontmatter, YAML 1.2 (so an
 * unquoted 2020-10-19 stays text and never becomes a UTC timestamp), a cap on aliases
 * against "billion laughs" bombs, and a map from field paths to line numbers.
 */
import { load as loadPlainYaml } from 'js-yaml';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import type { ContentProblem } from './problems.ts';

/** A content file larger than this is refused before it is read (a 1 MB description is fine). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Frontmatter larger than this is almost certainly a mistake or an attack. */
export const MAX_FRONTMATTER_BYTES = 256 * 1024;
/** A YAML alias expands its anchor again; more than this many are rejected. */
const MAX_YAML_ALIASES = 50;

const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: true,
} as const;

/**
 * The fast path: js-yaml (YAML 1.2 core schema, so no timestamps) reads plain frontmatter
 * about ten times faster than \`yaml\`. Anything unusual (an alias, a tag, a duplicate key, a
 * syntax error) makes it give up, and the full parser below reports it with its line.
 */
function readPlainYaml(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: loadPlainYaml(text, { maxAliases: 0 }) };
  } catch {
    return { ok: false };
  }
}

/** 1-based line of a field path, or of its nearest existing parent, from a parsed document. */
function lineFinder(document: () => Document, lineAt: (offset: number) => number) {
  return (path: readonly PropertyKey[]): number | undefined => {
    const parsed = document();
    for (let length = path.length; length >= 0; length -= 1) {
      const node = parsed.getIn(path.slice(0, length) as unknown[], true);
      const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
      if (range) return lineAt(range[0]);
    }
    return undefined;
  };
}

export interface ParsedSource {
  data: unknown;
  body: string;
  /** 1-based line of the file on which the body starts (1 for a file without one). */
  bodyLine: number;
  /** 1-based line of a field path, or of its nearest existing parent. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export type ParseResult =
  { ok: true; source: ParsedSource } | { ok: false; problems: ContentProblem[] };

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function fileProblem(file: string, message: string, fix: string, line?: number): ContentProblem {
  return { file, field: '', message, fix, ...(line === undefined ? {} : { line }) };
}

/** Decodes bytes as UTF-8, rejecting anything else rather than guessing. */
export function decodeUtf8(
  bytes: Uint8Array,
  file: string,
): { ok: true; text: string } | { ok: false; problems: ContentProblem[] } {
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          'The file is not UTF-8 text.',
          'Save the file with UTF-8 encoding (in most editors: "Save with encoding" › UTF-8).',
        ),
      ],
    };
  }
}

/**
 * An alias that names no anchor before it, or one inside the very value its anchor names
 * (`list: &a [*a]`): that value would contain itself, a cycle no content field can hold.
 * Content has no other way to form a cycle: references between files only point from courses
 * and site settings to instructors, boards, sponsors and policies, which reference nothing.
 */
function aliasProblemOf(
  document: Document,
  file: string,
  lineAt: (offset: number) => number,
): ContentProblem | undefined {
  let problem: ContentProblem | undefined;
  visit(document, {
    Alias(_key, alias, ancestors) {
      const line = alias.range ? lineAt(alias.range[0]) : undefined;
      const target = alias.resolve(document);
      if (!target) {
        problem = fileProblem(
          file,
          `The alias *${alias.source} names no anchor &${alias.source} set before it.`,
          `Add &${alias.source} to the value it should repeat, above this line, or write the value out.`,
          line,
        );
      } else if (ancestors.includes(target)) {
        problem = fileProblem(
          file,
          `The alias *${alias.source} sits inside the value its anchor &${alias.source} names, so that value would contain itself.`,
          'Write the value out instead of referring to it from inside itself.',
          line,
        );
      }
      return problem ? visit.BREAK : undefined;
    },
  });
  return problem;
}

function firstAliasLine(
  document: Document,
  lineAt: (offset: number) => number,
): number | undefined {
  let line: number | undefined;
  visit(document, {
    Alias(_key, alias) {
      if (alias.range) line = lineAt(alias.range[0]);
      return visit.BREAK;
    },
  });
  return line;
}

/** The YAML text of a file and where it starts: the frontmatter of a Markdown file, or all of a YAML file. */
function splitFrontmatter(
  text: string,
  file: string,
  withBody: boolean,
):
  | { ok: true; yamlText: string; body: string; lineOffset: number; bodyLine: number }
  | { ok: false; problems: ContentProblem[] } {
  let split = { yamlText: text, body: '', lineOffset: 0, bodyLine: 1 };
  if (withBody) {
    const match = FRONTMATTER.exec(text);
    if (!match) {
      return {
        ok: false,
        problems: [
          fileProblem(
            file,
            'The file has no frontmatter.',
            'Start the file with a line `---`, the fields, and another line `---`, then the text.',
            1,
          ),
        ],
      };
    }
    split = {
      yamlText: match[1] ?? '',
      body: text.slice(match[0].length),
      lineOffset: 1,
      bodyLine: match[0].split('\n').length,
    };
  }
  const size = Buffer.byteLength(split.yamlText);
  if (size > MAX_FRONTMATTER_BYTES) {
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          `The fields take ${Math.round(size / 1024)} KB; the limit is ${MAX_FRONTMATTER_BYTES / 1024} KB.`,
          'Move long text into the Markdown body, or split the content.',
        ),
      ],
    };
  }
  return { ok: true, ...split };
}

/** The 1-based file line of an offset in the YAML text. */
function lineCounter(yamlText: string, lineOffset: number): (offset: number) => number {
  const lineStarts = [0];
  for (let index = 0; index < yamlText.length; index += 1)
    if (yamlText[index] === '\n') lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1 + lineOffset;
  };
}

const unreadable = (file: string, message: string): { ok: false; problems: ContentProblem[] } => ({
  ok: false,
  problems: [
    fileProblem(
      file,
      `The YAML could not be read: ${message}`,
      'Check the indentation and quoting of the fields.',
    ),
  ],
});

/**
 * The full parse, for YAML the fast reader refused: the parser's first error, an alias cycle,
 * too many aliases, or the data with the document kept for line numbers.
 */
function parseDocumentData(
  yamlText: string,
  file: string,
  lineOffset: number,
  lineAt: (offset: number) => number,
): { ok: true; data: unknown; document: Document } | { ok: false; problems: ContentProblem[] } {
  let document: Document;
  try {
    document = parseDocument(yamlText, YAML_OPTIONS);
  } catch (error) {
    return unreadable(file, (error as Error).message);
  }
  if (document.errors.length > 0) {
    return {
      ok: false,
      // The first error only: the parser's later ones follow from it (a bracket left open
      // swallows the lines after it), so one mistake gives one message.
      problems: document.errors.slice(0, 1).map((error) => {
        // The parser counts lines from the start of the frontmatter; the problem's own line is the file's.
        const firstLine = (error.message.split('\n')[0] ?? error.message).replace(
          / at line \d+, column \d+:?$/,
          '',
        );
        return fileProblem(
          file,
          `YAML syntax error: ${firstLine}`,
          'Check indentation, the colon after each field name, and quote text that contains a colon or starts with a special character.',
          error.linePos?.[0] ? error.linePos[0].line + lineOffset : undefined,
        );
      }),
    };
  }
  const aliasProblem = aliasProblemOf(document, file, lineAt);
  if (aliasProblem) return { ok: false, problems: [aliasProblem] };
  try {
    return { ok: true, data: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {}, document };
  } catch (error) {
    const message = (error as Error).message;
    if (!/alias/i.test(message)) return unreadable(file, message);
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          `The YAML uses too many aliases (${message}).`,
          'Write the values out instead of repeating them with & anchors and * aliases.',
          firstAliasLine(document, lineAt),
        ),
      ],
    };
  }
}

/** Parses a Markdown file with frontmatter (`withBody`) or a plain YAML file. */
export function parseSource(text: string, file: string, withBody: boolean): ParseResult {
  const split = splitFrontmatter(text, file, withBody);
  if (!split.ok) return split;
  const { yamlText, body, bodyLine, lineOffset } = split;
  const lineAt = lineCounter(yamlText, lineOffset);
  const plain = readPlainYaml(yamlText);
  if (plain.ok) {
    // Line numbers are only needed to report a problem: the full parse waits until then.
    let parsed: Document | undefined;
    const lazyDocument = () => (parsed ??= parseDocument(yamlText, YAML_OPTIONS));
    return {
      ok: true,
      source: { data: plain.data ?? {}, body, bodyLine, lineOf: lineFinder(lazyDocument, lineAt) },
    };
  }
  const parsed = parseDocumentData(yamlText, file, lineOffset, lineAt);
  if (!parsed.ok) return parsed;
  const { data, document } = parsed;
  return { ok: true, source: { data, body, bodyLine, lineOf: lineFinder(() => document, lineAt) } };
}
