/**
 * One contender in the lock race test: waits for the start file, tries to take the lock once,
 * prints `held` or `busy`, and, holding it, stays (for `holdFor` ms, or until the file
 * `holdFor` names exists) and exits without letting go, so the next round finds a stale lock.
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireLock } from '../../src/build/lock.ts';

const [lockFile, startFile, holdFor = '400'] = process.argv.slice(2) as [string, string, string?];
while (!existsSync(startFile)) await sleep(5);
const result = await acquireLock(lockFile);
console.log('held' in result ? 'held' : 'busy');
if ('held' in result) {
  if (/^\d+$/.test(holdFor)) await sleep(Number(holdFor));
  else while (!existsSync(holdFor)) await sleep(5);
}
