/** `handout doctor`: the browser, fonts and versions a run would use, and what to install. */
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import type { CommandContext } from './context.js';

export interface DoctorOptions {
  chromium?: string;
}

export function registerDoctor(program: Command, context: CommandContext): void {
  program
    .command('doctor')
    .description(
      'check what a run would use (browser, fonts, Node.js and package versions) by printing a test page, and say what to install if something is missing',
    )
    .option(
      '--chromium <path>',
      'check this Chromium or Chrome instead of the one handout would find',
    )
    .addHelpText(
      'after',
      '\nExit status 1 when handout could not print here.\n\nExample:\n  $ handout doctor\n  $ handout doctor --chromium /usr/bin/chromium',
    )
    .action(async (options: DoctorOptions) => {
      context.setExit(await doctorCommand(options, context.io));
    });
}

export async function doctorCommand(options: DoctorOptions, io: Io): Promise<number> {
  const { diagnose, formatDiagnosis } = await import('../doctor/doctor.js');
  const diagnosis = await diagnose({
    env: io.env,
    ...(options.chromium ? { chromium: options.chromium } : {}),
  });
  io.stdout(formatDiagnosis(diagnosis));
  return diagnosis.canPrint ? 0 : 1;
}
