/** The benchmark reads each build's phases from its output. */
import { describe, expect, it } from 'vitest';
import { phasesOf } from '../../../scripts/bench/phases.ts';

describe('phasesOf', () => {
  it('reads the integration phases and the validation time from a build output', () => {
    const output = [
      'Social images: 0 drawn, 10 reused from the cache (0.0 s).',
      'Phases: content sync 1.2 s, social images 0.1 s, bundle and pages 4.5 s, search index 0.3 s.',
      'Built 10 courses into dist in 7.2 s (validation 0.8 s).',
    ].join('\n');
    expect(phasesOf(output)).toEqual({
      validation: 0.8,
      'content sync': 1.2,
      'social images': 0.1,
      'bundle and pages': 4.5,
      'search index': 0.3,
    });
  });

  it('gives nothing for an output without a phase line (a failed build)', () => {
    expect(phasesOf('The build failed; dist is unchanged.')).toBeUndefined();
  });
});
