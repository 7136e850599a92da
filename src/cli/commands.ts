import type { Command } from 'commander';
import { addEncryptionCommands } from './encryption-command.js';
import { addListenCommand } from './listen/listen-command.js';
import { addMigrateCommand } from './migrate.js';
import { addPurgeCommand } from './purge-command.js';
import { addRecoverCommands } from './recover-command.js';
import { addSimulateCommand } from './simulate-command.js';
import { addAppCommands } from './commands/apps.js';
import { addAttemptCommands } from './commands/attempts.js';
import { addBinCommands } from './commands/bins.js';
import { addDeliveryCommands } from './commands/deliveries.js';
import { addEndpointCommands } from './commands/endpoints.js';
import { addMessageCommands } from './commands/messages.js';
import { addPortalCommands } from './commands/portal.js';

/**
 * Every command but serve registers here. `hookline --help` loads this file and what it imports,
 * so a command module imports only commander and light helpers at the top and loads the rest in
 * its action (`await import(...)`); test/integration/cli-lazy.test.ts checks it. Long operations
 * show progress with `startProgress` (progress.ts).
 */
export const cliCommands: Array<(program: Command) => void> = [
  addAppCommands,
  addEndpointCommands,
  addMessageCommands,
  addDeliveryCommands,
  addAttemptCommands,
  addBinCommands,
  addPortalCommands,
  addMigrateCommand,
  addEncryptionCommands,
  addListenCommand,
  addSimulateCommand,
  addRecoverCommands,
  addPurgeCommand,
];
