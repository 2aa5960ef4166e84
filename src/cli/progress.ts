import { io, type OutStream } from './io.ts';

/** Reports how far a long job is: a bar on stderr when a person watches a terminal, nothing otherwise. */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const WIDTH = 30;
const EVERY_MS = 100;

export function createProgress(label: string, stream: OutStream = io().stderr): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      // Redrawn at most ten times a second: a million rows must not mean a million writes.
      if (now - last < EVERY_MS && done < total) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done.toLocaleString('lv-LV')}/${total.toLocaleString('lv-LV')} ${Math.round(share * 100)}%`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
