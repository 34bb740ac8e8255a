import { describe, expect, it } from 'vitest';
import { parseWorkload, workloadJsonSchema, WorkloadError } from './schema.ts';
import { refusalMessage } from './test-refusal.ts';

/** A small valid workload; each test breaks one rule in a copy (`any`: the tests reach into arbitrary fields to break them). */
function valid(): Record<string, any> {
  return {
    name: 'w',
    description: 'test',
    referenceTarget: 'avr',
    tickHz: 1000,
    ioLines: [{ name: 'uart', priority: 0, arrival: { kind: 'sporadic', minInterArrivalUs: 1000 }, isrCycles: 50 }],
    resources: { semaphores: [{ name: 's', initial: 1, max: 1 }], mutexes: [{ name: 'm' }], queues: [{ name: 'q', capacity: 2 }], eventFlags: [{ name: 'f' }] },
    tasks: [
      { name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'compute', cycles: 800, bestCycles: 400 }, { op: 'take', semaphore: 's' }, { op: 'give', semaphore: 's' }] },
      { name: 'b', priority: 1, preemptionThreshold: 0, trigger: { kind: 'io', line: 'uart' }, body: [{ op: 'lock', mutex: 'm' }, { op: 'compute', cycles: 80 }, { op: 'unlock', mutex: 'm' }, { op: 'send', queue: 'q' }, { op: 'set', flags: 'f', mask: 1 }, { op: 'io-out' }] },
    ],
  };
}

/** The message of the WorkloadError thrown for `data`. */
function rejection(data: unknown): string {
  return refusalMessage(() => parseWorkload(data, 'test.json'), WorkloadError);
}

describe('workload schema', () => {
  it('accepts a valid workload and returns it unchanged', () => {
    expect(parseWorkload(valid(), 'test.json')).toEqual(valid());
  });

  const cases: [string, (w: Record<string, any>) => void, RegExp][] = [
    ['C > D', (w) => (w.tasks[0].deadlineUs = 50), /tasks\[0\]\.deadlineUs: C > D: worst-case execution 100 us exceeds the deadline 50 us/],
    ['C > D against the implicit deadline', (w) => (w.tasks[0].trigger.periodUs = 90), /tasks\[0\]\.trigger: C > D/],
    ['a zero period', (w) => (w.tasks[0].trigger.periodUs = 0), /tasks\[0\]\.trigger\.periodUs: must be > 0 us/],
    ['a negative minimum inter-arrival', (w) => (w.ioLines[0].arrival.minInterArrivalUs = -5), /ioLines\[0\]\.arrival\.minInterArrivalUs: must be > 0 us/],
    ['a preemption threshold less urgent than the priority', (w) => (w.tasks[1].preemptionThreshold = 2), /tasks\[1\]\.preemptionThreshold: threshold 2 outside its range 0\.\.1/],
    ['preemptible cycles beyond the job', (w) => (w.tasks[0].preemptibleCycles = 801), /tasks\[0\]\.preemptibleCycles: threshold 801 cycles outside its range 0\.\.800/],
    ['an undeclared semaphore', (w) => (w.tasks[0].body[1].semaphore = 'nope'), /tasks\[0\]\.body\[1\]\.semaphore: unknown semaphore "nope"/],
    ['an undeclared mutex', (w) => (w.tasks[1].body[0].mutex = 'nope'), /tasks\[1\]\.body\[0\]\.mutex: unknown mutex "nope"/],
    ['an undeclared queue', (w) => (w.tasks[1].body[3].queue = 'nope'), /tasks\[1\]\.body\[3\]\.queue: unknown queue "nope"/],
    ['an undeclared event-flag group', (w) => (w.tasks[1].body[4].flags = 'nope'), /tasks\[1\]\.body\[4\]\.flags: unknown event-flag group "nope"/],
    ['an undeclared I/O line', (w) => (w.tasks[1].trigger.line = 'nope'), /tasks\[1\]\.trigger\.line: unknown I\/O line "nope"/],
    ['an input wait on an undeclared I/O line', (w) => w.tasks[0].body.push({ op: 'io-in', line: 'nope' }), /tasks\[0\]\.body\[3\]\.line: unknown I\/O line "nope"/],
    ['an unknown step', (w) => (w.tasks[0].body[0] = { op: 'teleport' }), /tasks\[0\]\.body\[0\]\.op/],
    ['duplicate task names', (w) => (w.tasks[1].name = 'a'), /tasks\[1\]\.name: duplicate name "a" \(first at index 0\)/],
    ['duplicate semaphore names', (w) => w.resources.semaphores.push({ name: 's', initial: 0 }), /resources\.semaphores\[1\]\.name: duplicate name "s"/],
    ['a best case above the worst case', (w) => (w.tasks[0].body[0].bestCycles = 900), /tasks\[0\]\.body\[0\]\.bestCycles: best case 900 exceeds worst case 800/],
    ['an unknown reference target', (w) => (w.referenceTarget = 'pic'), /referenceTarget: unknown target "pic"/],
    ['a lock never unlocked', (w) => w.tasks[1].body.splice(2, 1), /tasks\[1\]\.body\[0\]\.mutex: mutex "m" is never unlocked/],
    ['an unlock without a lock', (w) => w.tasks[1].body.splice(0, 1), /tasks\[1\]\.body\[1\]\.mutex: unlock of mutex "m" that the job does not hold/],
    ['a semaphore starting above its maximum', (w) => (w.resources.semaphores[0].initial = 2), /resources\.semaphores\[0\]\.initial: initial count 2 exceeds max 1/],
    ['a fractional cycle count', (w) => (w.tasks[0].body[0].cycles = 10.5), /tasks\[0\]\.body\[0\]\.cycles: must be a whole number of cycles/],
    ['a negative priority', (w) => (w.tasks[0].priority = -1), /tasks\[0\]\.priority: must be >= 0/],
    ['an empty body', (w) => (w.tasks[0].body = []), /tasks\[0\]\.body: must have at least one step/],
    ['an empty event mask', (w) => (w.tasks[1].body[4].mask = 0), /tasks\[1\]\.body\[4\]\.mask: must have at least one bit set/],
    ['a misspelt field', (w) => (w.tasks[0].deadline = 5), /tasks\[0\]: Unrecognized key: "deadline"/],
  ];
  for (const [rule, breakIt, message] of cases) {
    it(`rejects ${rule}, naming the field`, () => {
      const w = valid();
      breakIt(w);
      expect(rejection(w)).toMatch(message);
    });
  }

  it('names the file and lists every broken rule at once', () => {
    const w = valid();
    w.tasks[0].trigger.periodUs = 0;
    w.tasks[1].name = 'a';
    const message = rejection(w);
    expect(message).toMatch(/^invalid workload test\.json:/);
    expect(message).toMatch(/periodUs/);
    expect(message).toMatch(/duplicate name/);
  });

  it('rejects what is not an object without crashing the rules', () => {
    expect(rejection(null)).toMatch(/\(root\): .*expected object/);
    expect(rejection({ ...valid(), tasks: 'x' })).toMatch(/tasks: .*expected array/);
  });

  it('exports a JSON Schema that names the step operations', () => {
    const text = JSON.stringify(workloadJsonSchema());
    for (const op of ['compute', 'take', 'give', 'lock', 'unlock', 'send', 'receive', 'delay', 'wait', 'set', 'io-in', 'io-out']) expect(text).toContain(`"${op}"`);
  });

  it('describes every property of the JSON Schema, at every depth', () => {
    const undescribed = propertiesWithoutDescription(workloadJsonSchema(), '');
    expect(undescribed).toEqual([]);
    // Guards the walk itself: it must reach the nested step fields, or an empty list proves nothing.
    expect(propertyPaths(workloadJsonSchema(), '')).toContain('tasks[].body[].bestCycles');
  });

  it('states units, urgency and reference cycles in the descriptions', () => {
    const text = JSON.stringify(workloadJsonSchema());
    expect(text).toMatch(/0 is the most urgent/);
    expect(text).toMatch(/cycles on the workload's referenceTarget/);
    expect(text).toMatch(/CoreMark per MHz/);
    expect(text).toMatch(/microseconds/);
  });
});

type JsonNode = Record<string, unknown>;

/** The JSON Schema nodes directly under `node` that may declare properties: array items and union variants. */
function childSchemas(node: JsonNode): JsonNode[] {
  const children: unknown[] = [node.items, ...['anyOf', 'oneOf', 'allOf'].flatMap((key) => (Array.isArray(node[key]) ? (node[key] as unknown[]) : []))];
  return children.filter((c): c is JsonNode => typeof c === 'object' && c !== null);
}

/** Every property path under `node` ("tasks[].priority"), each with its schema node. */
function walkProperties(node: JsonNode, at: string): [string, JsonNode][] {
  const found: [string, JsonNode][] = [];
  const properties = (node.properties ?? {}) as Record<string, JsonNode>;
  for (const [key, child] of Object.entries(properties)) {
    const path = at === '' ? key : `${at}.${key}`;
    found.push([path, child], ...walkProperties(child, path));
  }
  for (const child of childSchemas(node)) found.push(...walkProperties(child, node.items === child ? `${at}[]` : at));
  return found;
}

function propertyPaths(node: JsonNode, at: string): string[] {
  return walkProperties(node, at).map(([path]) => path);
}

function propertiesWithoutDescription(node: JsonNode, at: string): string[] {
  return walkProperties(node, at)
    .filter(([, child]) => typeof child.description !== 'string' || child.description === '')
    .map(([path]) => path);
}
