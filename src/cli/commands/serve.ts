import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { openDatabase, openWarnings, resolveDatabasePath } from '../../db/connection.ts';
import { findOnlySchool } from '../../db/repositories/schools.ts';
import { loadConfig } from '../../services/config.ts';
import { decimalInteger } from '../../services/input.ts';
import { createOutput } from '../output.ts';
import { examples } from '../options.ts';
import { globalOptions } from '../runtime.ts';
import { io, processIo } from '../io.ts';
import { buildWebApp } from '../../web/app.ts';
import { m } from '../../i18n/messages/accounts.ts';
import { m as cli } from '../../i18n/messages/cli.ts';

interface ServeOptions {
  host: string;
  port: string;
  trustProxy?: boolean;
}

/**
 * `ezurnals serve`: the web diary (src/web). One process over the database;
 * it runs until SIGINT or SIGTERM, then finishes the requests under way,
 * closes the database and exits 0.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(m.serveDescription)
    .option('--host <host>', m.serveHost, '127.0.0.1')
    .option('--port <port>', m.servePort, '8080')
    .option('--trust-proxy', m.serveTrustProxy)
    .addHelpText('after', examples('ezurnals serve', 'ezurnals serve --host 127.0.0.1 --port 8080 --trust-proxy'))
    .action(async (opts: ServeOptions, command: Command) => {
      const out = await createOutput({ json: !!globalOptions(command).json });
      const port = /^\d{1,5}$/.test(opts.port) ? decimalInteger(opts.port) : NaN;
      if (!(port >= 0 && port <= 65535)) throw new AppError('usage', m.badPort(opts.port));
      const { env } = io();
      const path = resolveDatabasePath(globalOptions(command).db, env);
      const lockout = loadConfig(path, env).lockout;
      // On a server, a pool wide enough for readers in parallel (writes queue on the school's head row anyway).
      const db = await openDatabase(path, { poolSize: 10 });
      try {
        for (const warning of openWarnings(db)) out.warn(warning);
        const school = await findOnlySchool(db);
        if (!school) throw new AppError('not_found', cli.noSchool);
        // Each request reads the process's clock anew (io().now is the invocation's start).
        const app = await buildWebApp({ db, school, clock: () => processIo().now, lockout, trustProxy: !!opts.trustProxy });
        let address: string;
        try {
          address = await app.listen({ host: opts.host, port });
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'EADDRINUSE') throw new AppError('conflict', m.portInUse(`${opts.host}:${port}`));
          if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new AppError('usage', m.cannotListen(`${opts.host}:${port}`, String(code)));
          throw error;
        }
        out.info(m.serving(school.name, address, !!opts.trustProxy));
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
            out.info(m.stopping(signal));
            void app.close().then(() => resolve(), () => resolve());
          };
          const onInt = () => stop('SIGINT');
          const onTerm = () => stop('SIGTERM');
          process.once('SIGINT', onInt);
          process.once('SIGTERM', onTerm);
        });
      } finally {
        await db.destroy();
      }
    });
}
