import { Command, CommanderError } from 'commander';
import { systemModel } from '../kernels/system-model.ts';
import { registerAnalyzeCommand } from './commands/analyze.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerExperimentCommands } from './commands/experiments.ts';
import { registerHardwareCommands } from './commands/hardware.ts';
import { registerSchemaCommand } from './commands/schema.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerKernelsCommand } from './commands/kernels.ts';
import { exitCodeFor, isBadInput } from './exit-codes.ts';

// A closed pipe (`kbench ... | head`) ends output quietly instead of crashing.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program: Command = new Command();
program
  .name('kbench')
  .description('Which RTOS kernel design should a smart electricity meter run, and what does each design cost?')
  .exitOverride()
  .showHelpAfterError();

registerHardwareCommands(program);
registerDemoCommand(program);
registerAnalyzeCommand(program, systemModel);
registerSchemaCommand(program);
registerExperimentCommands(program);
registerReportCommand(program);
registerRunCommand(program);
registerKernelsCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeFor(e);
  // Commander has already printed its usage errors; input errors need no stack trace.
  if (!(e instanceof CommanderError)) console.error(isBadInput(e) ? `kbench: ${e.message}` : e);
}
