/** A progress line for work that may take a while: see {@link createProgress}. */
export interface Progress {
  /** The latest state, e.g. `floe generate: 120/400 schemas…`. */
  update(text: string): void;
  /** Stops reporting and clears the line on a terminal. */
  done(): void;
}

/**
 * Progress on stderr, only for work that lasts over a second: quick runs print nothing extra, and
 * stdout stays clean for the report. On a terminal the line is rewritten in place (at most every
 * 100 ms); in a log, a new line at most once a second.
 *
 * @param stderr - where to write; `isTTY` picks the style
 * @param delayMs - how long the work may run before the first line appears
 * @example
 * const progress = createProgress(process.stderr);
 * progress.update('floe lint: checking schemas…');
 * await work();
 * progress.done();
 */
export function createProgress(
  stderr: { write(text: string): unknown; readonly isTTY?: boolean },
  delayMs = 1000,
): Progress {
  const tty = stderr.isTTY === true;
  const interval = tty ? 100 : 1000;
  let latest: string | undefined;
  let printed: string | undefined;
  let printedAt = Number.NEGATIVE_INFINITY;
  let visible = false;
  const show = () => {
    if (latest === undefined || latest === printed) return;
    if (Date.now() - printedAt < interval) return;
    stderr.write(tty ? `\r\x1b[K${latest}` : `${latest}\n`);
    printed = latest;
    printedAt = Date.now();
  };
  const timer = setTimeout(() => {
    visible = true;
    show();
  }, delayMs);
  // A pending progress line must never keep the process alive.
  timer.unref?.();
  return {
    update(text) {
      latest = text;
      if (visible) show();
    },
    done() {
      clearTimeout(timer);
      if (visible && tty && printed !== undefined) stderr.write('\r\x1b[K');
      visible = false;
    },
  };
}
