import { describe, expect, it } from 'vitest';
import { modelFromWorkload } from '../analysis/from-workload.ts';
import { ideal } from '../hardware/targets/index.ts';
import { parseWorkload, workloadJsonSchema } from './schema.ts';

/* Issue 8, item 6: "Release jitter exists in the analysis but a workload cannot state it." */

function withTask(task: Record<string, unknown>): unknown {
  return { name: 'jitter', description: 'a jittered task', referenceTarget: 'ideal', tickHz: 1000, tasks: [{ name: 't', priority: 0, body: [{ op: 'compute', cycles: 100 }], ...task }] };
}

describe('release jitter in a workload (issue 8 item 6)', () => {
  it('is accepted on a periodic task and carried into the analysis model in cycles', () => {
    const w = parseWorkload(withTask({ trigger: { kind: 'periodic', periodUs: 1000 }, releaseJitterUs: 250 }), 'test');
    expect(w.tasks[0]?.releaseJitterUs).toBe(250);
    // 250 us on the 1 MHz ideal clock.
    expect(modelFromWorkload(w, ideal).model.tasks[0]?.releaseJitterCycles).toBe(250);
  });

  it('rejects a jitter above the period, a negative one, and one on a task that is not periodic, naming the field', () => {
    expect(() => parseWorkload(withTask({ trigger: { kind: 'periodic', periodUs: 1000 }, releaseJitterUs: 1001 }), 'test')).toThrow(/tasks\[0\]\.releaseJitterUs: jitter 1001 us exceeds the period 1000 us/);
    expect(() => parseWorkload(withTask({ trigger: { kind: 'periodic', periodUs: 1000 }, releaseJitterUs: -1 }), 'test')).toThrow(/tasks\[0\]\.releaseJitterUs: must be >= 0 us/);
    expect(() => parseWorkload(withTask({ trigger: { kind: 'sporadic', minInterArrivalUs: 1000 }, releaseJitterUs: 10 }), 'test')).toThrow(/tasks\[0\]\.releaseJitterUs: release jitter applies to periodic tasks only/);
  });

  it('is described in the JSON Schema editors read', () => {
    expect(JSON.stringify(workloadJsonSchema())).toMatch(/"releaseJitterUs":\{[^}]*"description":"Release jitter of a periodic task/);
  });
});
