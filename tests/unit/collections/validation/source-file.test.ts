import { describe, expect, it } from 'vitest';
import {
  decodeUtf8,
  MAX_FRONTMATTER_BYTES,
  parseSource,
} from '../../../../src/collections/validation/source-file.ts';

describe('parseSource', () => {
  it('keeps unquoted dates and times as text (YAML 1.2), so they cannot shift to UTC', () => {
    const result = parseSource(
      '---\ndate: 2020-10-19\nstart: 2020-10-19T16:00\ntime: 16:00\n---\nBody',
      'a.md',
      true,
    );
    expect(result.ok && result.source.data).toEqual({
      date: '2020-10-19',
      start: '2020-10-19T16:00',
      time: '16:00',
    });
    expect(result.ok && result.source.body).toBe('Body');
  });

  it('maps field paths to lines of the file, counting the opening fence', () => {
    const result = parseSource(
      '---\ntitle: A\nsessions:\n  - date: "2020-10-19"\n    end: "15:00"\n---\n',
      'a.md',
      true,
    );
    if (!result.ok) throw new Error('expected to parse');
    expect(result.source.lineOf(['title'])).toBe(2);
    expect(result.source.lineOf(['sessions', 0, 'end'])).toBe(5);
    expect(result.source.lineOf(['sessions', 0, 'missing'])).toBe(4);
  });

  it('reports a YAML syntax error with its line', () => {
    const result = parseSource('---\ntitle: A\n  broken: [x\n---\n', 'a.md', true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      file: 'a.md',
      message: expect.stringMatching(/^YAML syntax error/),
    });
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects a file without frontmatter', () => {
    const result = parseSource('# Just a heading', 'a.md', true);
    expect(!result.ok && result.problems[0]?.message).toBe('The file has no frontmatter.');
  });

  it('rejects a YAML alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(
        `${name}: &${name} [*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous}]`,
      );
    }
    const started = performance.now();
    const result = parseSource(levels.join('\n'), 'bomb.yaml', false);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(!result.ok && result.problems[0]?.message).toMatch(/too many aliases/);
  });

  it('rejects frontmatter over the size limit', () => {
    const huge = `---\ntitle: "${'x'.repeat(MAX_FRONTMATTER_BYTES + 1)}"\n---\n`;
    const result = parseSource(huge, 'big.md', true);
    expect(!result.ok && result.problems[0]?.message).toMatch(/the limit is 256 KB/);
  });

  it('rejects duplicate keys', () => {
    const result = parseSource('title: A\ntitle: B\n', 'a.yaml', false);
    expect(result.ok).toBe(false);
  });
});

describe('decodeUtf8', () => {
  it('rejects Latin-1 bytes rather than guessing', () => {
    const result = decodeUtf8(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]), 'x.md');
    expect(!result.ok && result.problems[0]).toMatchObject({
      file: 'x.md',
      message: 'The file is not UTF-8 text.',
    });
  });
  it('accepts UTF-8 and drops a byte-order mark', () => {
    const result = decodeUtf8(new TextEncoder().encode('\uFEFFCafé'), 'x.md');
    expect(result.ok && result.text).toBe('Café');
  });
});
