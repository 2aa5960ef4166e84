import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseHandles } from './database-handles.ts';

/** A stream the CLI writes to: the process's own, or a test's buffer. `isTTY` decides colours, tables' style and prompts. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** What the CLI reads from: stdin as an async iterable of chunks. */
export type InStream = AsyncIterable<string | Uint8Array> & { isTTY?: boolean };

/**
 * Everything one run of the CLI takes from the world: the clock, the
 * environment and the three streams. The bin passes the process's own; tests
 * pass a fixed clock and buffers, and run many invocations in one process.
 * This is the only place the CLI learns the time: there is no option or
 * variable that sets it, since a settable clock would let anyone backdate
 * journal entries past the deadline control.
 */
export interface CliIo {
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  /**
   * Where commands get their database (src/cli/database-handles.ts): unset, each
   * command opens the file and closes it; `batch` keeps one open for all its lines.
   */
  databases?: DatabaseHandles;
  /** Data as JSON whatever the options say, and errors as JSON: set by `batch` for its lines. */
  jsonOutput?: boolean;
}

const current = new AsyncLocalStorage<CliIo>();

/**
 * The process's own world, with what the caller gives in its place. The
 * process's streams are read lazily: touching process.stdin opens a handle on
 * it, which a command that never reads stdin should not pay for at start-up.
 */
export function processIo(given: Partial<CliIo> = {}): CliIo {
  return {
    now: given.now ?? new Date(),
    env: given.env ?? process.env,
    databases: given.databases,
    jsonOutput: given.jsonOutput,
    get stdin() {
      return given.stdin ?? process.stdin;
    },
    get stdout() {
      return given.stdout ?? process.stdout;
    },
    get stderr() {
      return given.stderr ?? process.stderr;
    },
  };
}

/** Runs one CLI invocation with its world; concurrent invocations (tests) each keep their own. */
export function withIo<T>(io: CliIo, run: () => Promise<T>): Promise<T> {
  return current.run(io, run);
}

/** The running invocation's world (the process's own outside `main`, e.g. a helper called directly). */
export function io(): CliIo {
  return current.getStore() ?? processIo();
}
