import type { Command } from 'commander';
import { durationMsOption, seedOption, targetOption } from '../options.ts';
import { printJson } from '../output.ts';

/** `kbench demo`: the meter's interrupt sources on the bare port code of a target. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the meter interrupt demo on the bare port code (no kernel yet)')
    .option('--target <id>', 'target id', 'avr')
    .option('--duration-ms <n>', 'simulated milliseconds', '1000')
    .option('--seed <n>', 'seed of the sporadic sources', '1')
    .option('--json', 'print JSON')
    .action(async (opts: { target: string; durationMs: string; seed: string; json?: boolean }) => {
      const durationMs = durationMsOption(opts.durationMs);
      const seed = seedOption(opts.seed);
      const target = targetOption(opts.target);
      const { runAvrMeterDemo } = await import('../../experiments/avr-meter-demo.ts');
      const result = runAvrMeterDemo(target, durationMs, seed);
      if (opts.json === true) return printJson('demo', result);
      console.log(`kbench demo: meter interrupts on the bare ${target.name} port, ${durationMs} ms simulated`);
      console.log(`  max interrupt-disable time: ${result.maxIrqOffUs.toFixed(2)} us`);
      for (const [name, l] of Object.entries(result.latencyUs)) {
        console.log(`  ${name.padEnd(6)} latency: max ${l.max.toFixed(2)} us, mean ${l.mean.toFixed(2)} us over ${l.count} interrupts`);
      }
      const c = result.cpuPercent;
      console.log(`  CPU: task ${c.task}%, kernel ${c.kernel}%, ISR ${c.isr}%, idle ${c.idle}%`);
    });
}
