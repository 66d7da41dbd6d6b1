import { describe, expect, it } from 'vitest';
import { javaProblem, libraryProblem } from '../../helpers/prerequisites.ts';

describe('the test suite’s preflight', () => {
  it('accepts Java 11 or later, in either version format', () => {
    expect(
      javaProblem('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'),
    ).toBeUndefined();
    expect(javaProblem('openjdk version "11.0.2" 2019-01-15')).toBeUndefined();
  });

  it('names missing or old Java and the command that installs it', () => {
    expect(javaProblem(undefined)).toBe(
      'Missing: Java 11 or later, for the W3C HTML checker. Install it: apt-get install -y default-jre-headless',
    );
    expect(javaProblem('java version "1.8.0_392"\nJava(TM) SE Runtime Environment')).toBe(
      'Java 11 or later is needed for the W3C HTML checker; found java version "1.8.0_392". Install it: apt-get install -y default-jre-headless',
    );
  });

  it('names the browser’s missing libraries and the Debian packages that bring them', () => {
    const ldd =
      '\tlinux-vdso.so.1 (0x00007ffd)\n\tlibnspr4.so => not found\n\tlibnss3.so => not found\n\tlibnssutil3.so => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n';
    expect(libraryProblem(ldd)).toBe(
      'Missing: libnspr4.so, libnss3.so, libnssutil3.so, which the test browser needs. Install: apt-get install -y libnspr4 libnss3',
    );
    expect(
      libraryProblem('\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n'),
    ).toBeUndefined();
  });
});
