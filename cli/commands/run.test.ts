import { describe, expect, it } from 'vitest';
import { runKbench } from '../run-kbench.ts';

describe('kbench run', () => {
  it('runs the meter on uC/OS-II on the AVR and prints metrics from the probe as JSON', () => {
    const r = runKbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', 'meter', '--duration-ms', '300', '--json');
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m).toMatchObject({ profile: 'ucos2', target: 'avr', workload: 'meter', durationMs: 300, seed: 1 });
    expect(m.maxIrqOffUs).toBeGreaterThan(0);
    expect(m.taskSwitch.count).toBeGreaterThan(0);
    expect(m.codeBytes).toBeGreaterThan(0);
    expect(m.tasks.map((t: { task: string }) => t.task)).toContain('pulse-energy');
    const cpu = m.cpuPercent;
    expect(cpu.task + cpu.kernel + cpu.isr + cpu.idle).toBeCloseTo(100, 0);
  });

  it('gives the same output for the same seed', () => {
    const args = ['run', '--design', 'sorted-list', '--target', 'm4', '--workload', 'meter', '--duration-ms', '200', '--seed', '7', '--json'];
    expect(runKbench(...args).stdout).toBe(runKbench(...args).stdout);
  });

  it('exits 2 naming the field when a workload exceeds the profile', () => {
    const r = runKbench('run', '--profile', 'worix', '--target', 'avr', '--workload', 'meter', '--duration-ms', '100');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/priority: 6 is outside profile worix's 6 priorities/);
  });

  it('exits 2 on an unknown profile or a missing choice of kernel', () => {
    expect(runKbench('run', '--profile', 'vxworks', '--target', 'avr', '--workload', 'meter').stderr).toMatch(/--profile: unknown profile "vxworks"/);
    expect(runKbench('run', '--target', 'avr', '--workload', 'meter').status).toBe(2);
  });

  it('exits 2 naming --exec when the execution-time mode is not worst, uniform or best', () => {
    const r = runKbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', 'meter', '--duration-ms', '50', '--exec', 'fast');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--exec: must be one of worst, uniform, best, got "fast"/);
  });

  it('states the execution mode and the release quantisation: a tick on the AVR, exact on the ideal target', () => {
    const onAvr = JSON.parse(runKbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', 'meter', '--duration-ms', '50', '--json').stdout);
    expect(onAvr).toMatchObject({ exec: 'worst', releaseQuantisation: { kind: 'tick', tickUs: 1e6 / 1000, periodsRoundedToTicks: false } });
    const onIdeal = JSON.parse(runKbench('run', '--profile', 'ucos2', '--target', 'ideal', '--workload', 'meter', '--duration-ms', '50', '--exec', 'best', '--json').stdout);
    expect(onIdeal).toMatchObject({ exec: 'best', releaseQuantisation: { kind: 'exact' }, maxIrqOffUs: 0, codeBytes: 0 });
  });
});
