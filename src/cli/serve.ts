import { createApp } from '../app/create-app.js';
import { ConfigError, loadConfig, type Config } from '../app/config.js';
import { loopbackWarning } from '../app/egress.js';
import { tuneHeapForServing } from './heap-tuning.js';

export interface ServeFlags {
  port?: string;
  host?: string;
  dataDir?: string;
  logLevel?: string;
  role?: string;
  database?: string;
  migrate?: boolean;
  dbPoolSize?: string;
  egress?: string;
  apiRateLimit?: string;
}

/** `hookline serve`: runs until SIGINT/SIGTERM, then shuts down gracefully. */
export async function serve(flags: ServeFlags): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, {
      port: flags.port,
      host: flags.host,
      dataDir: flags.dataDir,
      logLevel: flags.logLevel,
      role: flags.role,
      databaseUrl: flags.database,
      migrateOnStart: flags.migrate === false ? false : undefined,
      dbPoolSize: flags.dbPoolSize,
      egress: flags.egress,
      apiRateLimit: flags.apiRateLimit,
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`hookline: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const warning = loopbackWarning(config);
  if (warning) console.warn(`hookline: ${warning}`);
  tuneHeapForServing();
  let app;
  try {
    app = await createApp({ config });
  } catch (error) {
    console.error(`hookline: cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  if (app.adminTokenGenerated) {
    console.log(
      `\nAdmin token (shown once; kept in ${config.dataDir}/admin-token):\n  ${app.adminToken}\n`,
    );
  }
  const address = await app.listen();
  app.server.log.info(
    { address, role: config.role, store: app.store.capabilities.dialect, dataDir: config.dataDir },
    'hookline listening',
  );
  console.log(
    `Hookline ${config.role} on ${address.replace('0.0.0.0', 'localhost')} (API /api/v1, docs /docs)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.server.log.info({ signal }, 'shutting down: finishing in-flight deliveries');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
