import type { Command } from 'commander';

export function registerDemo(program: Command): void {
  program.command('demo').description('build a demo school').action(async () => {
    throw new Error('not yet');
  });
}
