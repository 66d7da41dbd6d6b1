/**
 * What the test suite needs from the machine that `npm ci` cannot bring, each problem as one
 * line that names what is missing and the command that installs it (tests/preflight.ts).
 */

/** Debian's package for each shared library the packaged Chromium links against. */
const LIBRARY_PACKAGES: Readonly<Record<string, string>> = {
  'libnss3.so': 'libnss3',
  'libnssutil3.so': 'libnss3',
  'libnspr4.so': 'libnspr4',
  'libplc4.so': 'libnspr4',
  'libplds4.so': 'libnspr4',
  'libexpat.so.1': 'libexpat1',
};

/** The problem with Java for the W3C HTML checker (vnu-jar needs 11 or later), if any. */
export function javaProblem(versionOutput: string | undefined): string | undefined {
  const install = 'apt-get install -y default-jre-headless';
  if (versionOutput === undefined)
    return `Missing: Java 11 or later, for the W3C HTML checker. Install it: ${install}`;
  const major = Number(/version "(?:1\.)?(\d+)/.exec(versionOutput)?.[1] ?? 0);
  return major >= 11
    ? undefined
    : `Java 11 or later is needed for the W3C HTML checker; found ${versionOutput.split('\n')[0]}. Install it: ${install}`;
}

/** The problem with the libraries the browser needs, from `ldd`'s output, if any. */
export function libraryProblem(lddOutput: string): string | undefined {
  const missing = [...lddOutput.matchAll(/^\s*(\S+) => not found/gm)].map((match) => match[1]!);
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.map((library) => LIBRARY_PACKAGES[library] ?? library))];
  return `Missing: ${missing.join(', ')}, which the test browser needs. Install: apt-get install -y ${packages.join(' ')}`;
}
