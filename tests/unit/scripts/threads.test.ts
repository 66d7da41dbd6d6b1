/** CPU by thread (thread-cpu.ts, the benchmark): /proc's task lines read, threads added up by name and kind. */
import { describe, expect, it } from 'vitest';
import {
  cpuByKind,
  groupThreads,
  parseTaskStat,
  threadKind,
} from '../../../scripts/bench/threads.ts';

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

describe('threadKind', () => {
  it("names what each of a build's threads does from the names Node, V8, libuv, Rolldown and Pagefind give them", () => {
    const kinds = [
      ['node-MainThread', '(main)'],
      ['node-MainThread', 'WorkerThread'],
      ['node-MainThread', 'node-V8Worker'],
      ['node-MainThread', 'libuv-worker'],
      ['node-MainThread', 'rolldown-worker'],
      ['pagefind_extend', 'tokio-rt-worker'],
      ['pagefind_extend', '(main)'],
      ['node-MainThread', 'node-inspector'],
      ['esbuild', 'esbuild'],
    ].map(([process, thread]) => threadKind({ process: process!, thread: thread! }));
    expect(kinds).toEqual([
      'Node main thread',
      'Node worker threads',
      "V8's helpers",
      "libuv's file threads",
      'Rolldown',
      'Pagefind',
      'Pagefind',
      'other',
      'other',
    ]);
  });
});

describe('cpuByKind', () => {
  it('adds user and system time by kind, and gives every kind, those no thread had at zero', () => {
    expect(
      cpuByKind([
        {
          process: 'node-MainThread',
          thread: '(main)',
          threads: 1,
          userSeconds: 7,
          systemSeconds: 1.5,
        },
        {
          process: 'pagefind_extend',
          thread: 'tokio-rt-worker',
          threads: 79,
          userSeconds: 2,
          systemSeconds: 0.25,
        },
        {
          process: 'pagefind_extend',
          thread: '(main)',
          threads: 1,
          userSeconds: 1.5,
          systemSeconds: 0.25,
        },
      ]),
    ).toEqual({
      'Node main thread': 8.5,
      'Node worker threads': 0,
      "V8's helpers": 0,
      "libuv's file threads": 0,
      Rolldown: 0,
      Pagefind: 4,
      other: 0,
    });
  });
});
