import { describe, expect, it } from 'vitest';
import { parseWorkload, WorkloadError } from './schema.ts';
import { refusalMessage } from './test-refusal.ts';

/** Two APPs on the M4, one with a task that takes a semaphore; each test breaks one rule in a copy. */
function valid(): Record<string, any> {
  const header = { entryOffset: 0, textBytes: 6000, dataBytes: 512, bssBytes: 256, gotEntries: 16, stackBytes: 2048, mainStackBytes: 1024, heapBytes: 4096, mainPriority: 5, permissions: ['semaphore', 'delay'] };
  return {
    name: 'two-apps',
    description: 'test',
    referenceTarget: 'm4',
    tickHz: 1000,
    resources: { semaphores: [{ name: 's', initial: 1 }], queues: [{ name: 'q', capacity: 2 }] },
    apps: [
      { name: 'metering', header },
      { name: 'comms', header: { ...header, permissions: ['queue'] } },
    ],
    tasks: [
      { name: 'meter', priority: 1, app: 'metering', stackBytes: 512, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'take', semaphore: 's' }, { op: 'compute', cycles: 800 }, { op: 'give', semaphore: 's' }] },
      { name: 'kernel-task', priority: 0, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'compute', cycles: 100 }] },
    ],
  };
}

function rejection(data: unknown): string {
  return refusalMessage(() => parseWorkload(data, 'apps.json'), WorkloadError);
}

describe('APPs in the workload', () => {
  it('accepts APPs with headers and a task that names its APP', () => {
    expect(parseWorkload(valid(), 'apps.json').apps?.map((a) => a.name)).toEqual(['metering', 'comms']);
  });

  it('accepts a kernel task that suspends and relaunches an APP', () => {
    const w = valid();
    w.tasks[1].body.push({ op: 'suspend-app', app: 'metering' }, { op: 'resume-app', app: 'metering' });
    expect(parseWorkload(w, 'apps.json').tasks[1]?.body.map((s) => s.op)).toEqual(['compute', 'suspend-app', 'resume-app']);
  });

  const cases: [string, (w: Record<string, any>) => void, RegExp][] = [
    // 200 entries x 4-byte pointers = 800 bytes > 512 bytes of .data.
    ['a GOT larger than .data', (w) => (w.apps[1].header.gotEntries = 200), /apps\[1\]\.header\.gotEntries: 200 GOT entries of 4 bytes do not fit in \.data \(512 bytes\)/],
    ['a fractional GOT count', (w) => (w.apps[1].header.gotEntries = 1.5), /apps\[1\]\.header\.gotEntries: must be a whole number of entries/],
    ['an entry outside .text', (w) => (w.apps[0].header.entryOffset = 6000), /apps\[0\]\.header\.entryOffset: entry offset 6000 lies outside \.text/],
    ['a main stack above stack_size', (w) => (w.apps[0].header.mainStackBytes = 4096), /apps\[0\]\.header\.mainStackBytes: main stack 4096 bytes exceeds stack_size 2048/],
    // 1024 (main) + 512 (task meter) + 1024 (a second task) = 2560 > 2048.
    ['task stacks beyond stack_size', (w) => w.tasks.push({ ...w.tasks[0], name: 'meter2', stackBytes: 1024 }), /apps\[0\]\.header\.stackBytes: stack_size 2048 bytes is less than the main stack 1024 plus the APP's task stacks 1536/],
    ['an undeclared APP', (w) => (w.tasks[0].app = 'nope'), /tasks\[0\]\.app: unknown APP "nope": declare it in apps/],
    ['a call without permission', (w) => (w.tasks[0].app = 'comms'), /tasks\[0\]\.body\[0\]\.op: APP "comms" has no "semaphore" permission for a take/],
    ['an unknown permission', (w) => (w.apps[0].header.permissions = ['flash']), /apps\[0\]\.header\.permissions\[0\]/],
    ['duplicate APP names', (w) => (w.apps[1].name = 'metering'), /apps\[1\]\.name: duplicate name "metering"/],
    ['APPs on a core without SVC', (w) => (w.referenceTarget = 'avr'), /apps: APPs enter the kernel through a supervisor call; the reference target avr has no SVC gate/],
    ['an APP task that suspends an APP', (w) => w.tasks[0].body.push({ op: 'suspend-app', app: 'comms' }), /tasks\[0\]\.body\[3\]\.op: suspend-app is a kernel task's step; APP "metering"'s task may not/],
    ['a relaunch of an undeclared APP', (w) => w.tasks[1].body.push({ op: 'resume-app', app: 'nope' }), /tasks\[1\]\.body\[1\]\.app: unknown APP "nope": declare it in apps/],
    ['a negative heap', (w) => (w.apps[0].header.heapBytes = -1), /apps\[0\]\.header\.heapBytes: must be >= 0 bytes/],
  ];
  for (const [rule, breakIt, message] of cases) {
    it(`rejects ${rule}, naming the field`, () => {
      const w = valid();
      breakIt(w);
      expect(rejection(w)).toMatch(message);
    });
  }
});
