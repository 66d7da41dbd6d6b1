/**
 * Where a build's time went, read from its output: the site's integration prints
 * `Phases: content sync 1.2 s, social images 0.1 s, …` and the build script ends with
 * `… in 7.2 s (validation 0.8 s).`
 */
export type Phases = Record<string, number>;

export function phasesOf(output: string): Phases | undefined {
  const line = /^Phases: (.+)\.$/m.exec(output)?.[1];
  const validation = /\(validation (\d+(?:\.\d+)?) s\)\.$/m.exec(output)?.[1];
  if (line === undefined) return undefined;
  const phases: Phases = validation === undefined ? {} : { validation: Number(validation) };
  for (const part of line.split(', ')) {
    const match = /^(.+) (\d+(?:\.\d+)?) s$/.exec(part);
    if (match) phases[match[1]!] = Number(match[2]);
  }
  return phases;
}
