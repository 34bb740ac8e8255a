import { describe, expect, it } from 'vitest';
import { fillsCoresWithWorkers } from './v8-flags.js';

describe('fillsCoresWithWorkers', () => {
  it('is true for the commands that run a worker pool, whatever their options', () => {
    expect(fillsCoresWithWorkers(['reproduce'])).toBe(true);
    expect(fillsCoresWithWorkers(['reproduce', '--only', 'fig1', '--workers', '2'])).toBe(true);
    expect(fillsCoresWithWorkers(['sweep', '--experiment', 'fig3', '--shard', '0/4', '--out', 'shards'])).toBe(true);
  });

  it('is false for every other command, for help and for no command', () => {
    for (const args of [['run', '--workload', 'w.json'], ['analyze'], ['report'], ['merge', 'shards'], ['list'], ['--help'], ['help', 'reproduce'], []]) {
      expect(fillsCoresWithWorkers(args), args.join(' ')).toBe(false);
    }
  });
});
