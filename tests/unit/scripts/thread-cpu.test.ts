/** The thread-by-thread CPU report reads /proc's task lines and adds threads up by name. */
import { describe, expect, it } from 'vitest';
import { groupThreads, parseTaskStat } from '../../../scripts/bench/thread-cpu.ts';

describe('parseTaskStat', () => {
  it('reads the name and the user and system times, in seconds, from a task line', () => {
    const line =
      '4242 (node-V8Worker) S 4241 4241 4000 0 -1 4194368 120 0 0 0 526 39 0 0 20 0 12 0 9000 1 1 18446744073709551615';
    expect(parseTaskStat(line)).toEqual({
      name: 'node-V8Worker',
      userSeconds: 5.26,
      systemSeconds: 0.39,
    });
  });

  it('counts the fields from the last parenthesis, so a name holding spaces and parentheses is whole', () => {
    const line = '17 (a (b) c) R 1 17 17 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 5 1 1';
    expect(parseTaskStat(line)).toEqual({
      name: 'a (b) c',
      userSeconds: 0.07,
      systemSeconds: 0.03,
    });
  });
});

describe('groupThreads', () => {
  it('adds up the threads of one process and name and puts the costliest group first', () => {
    expect(
      groupThreads([
        {
          process: 'node-MainThread',
          thread: 'libuv-worker',
          userSeconds: 0.01,
          systemSeconds: 0.5,
        },
        { process: 'node-MainThread', thread: '(main)', userSeconds: 7.4, systemSeconds: 1.5 },
        {
          process: 'node-MainThread',
          thread: 'libuv-worker',
          userSeconds: 0.02,
          systemSeconds: 0.4,
        },
        {
          process: 'pagefind_extend',
          thread: 'tokio-rt-worker',
          userSeconds: 2.0,
          systemSeconds: 0.2,
        },
        {
          process: 'pagefind_extend',
          thread: 'tokio-rt-worker',
          userSeconds: 0.25,
          systemSeconds: 0.05,
        },
      ]),
    ).toEqual([
      {
        process: 'node-MainThread',
        thread: '(main)',
        threads: 1,
        userSeconds: 7.4,
        systemSeconds: 1.5,
      },
      {
        process: 'pagefind_extend',
        thread: 'tokio-rt-worker',
        threads: 2,
        userSeconds: 2.25,
        systemSeconds: 0.25,
      },
      {
        process: 'node-MainThread',
        thread: 'libuv-worker',
        threads: 2,
        userSeconds: 0.03,
        systemSeconds: 0.9,
      },
    ]);
  });

  it('gives nothing for no readings', () => {
    expect(groupThreads([])).toEqual([]);
  });
});
