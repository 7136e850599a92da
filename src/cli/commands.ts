import type { Command } from 'commander';
import { addListenCommand } from './listen/listen-command.js';
import { addMigrateCommand } from './migrate.js';
import { addRecoverCommands } from './recover-command.js';
import { addSimulateCommand } from './simulate-command.js';

/** Feature commands (migrate, listen, simulate, ...) register here. */
export const cliCommands: Array<(program: Command) => void> = [
  addMigrateCommand,
  addListenCommand,
  addSimulateCommand,
  addRecoverCommands,
];
