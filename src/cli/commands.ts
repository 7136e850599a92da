import type { Command } from 'commander';

/** Feature commands (migrate, listen, simulate, ...) register here. */
export const cliCommands: Array<(program: Command) => void> = [];
