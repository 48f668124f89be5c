/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Errors, warnings, and progress (as a rewritten line when `isTTY`). */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** The folder relative paths start from. */
  readonly cwd: string;
  /** Stops `generate --watch` and `collector` like SIGINT does. */
  readonly signal?: AbortSignal;
}

/** The real process streams and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}
