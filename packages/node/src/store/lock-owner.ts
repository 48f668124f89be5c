/** Who holds a queue-directory lock, as written in its `lock` file. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /**
   * A random id per acquisition. It tells two locks of the same pid and host apart (a restarted
   * container often reuses pid 1) and marks a lock that is kept fresh by a heartbeat. Locks
   * written by Floe 0.1.0 have none.
   */
  readonly token: string | undefined;
}

/** The `lock` file's text: pid, host name and token, one per line. */
export function formatLockOwner(owner: LockOwner): string {
  return `${owner.pid}\n${owner.host}\n${owner.token ?? ''}\n`;
}

/**
 * Parses a `lock` file's text. Undefined when it is not a lock (empty, cut short, random bytes):
 * such a file can only come from a crash or a full disk while it was written, so it protects
 * nobody.
 */
export function parseLockOwner(text: string): LockOwner | undefined {
  const lines = text.split('\n');
  // A complete lock is pid, host and an optional token, each ended by a newline.
  if (lines.length < 3 || lines.length > 4 || lines.at(-1) !== '') return undefined;
  const [pidText = '', host = '', token = ''] = lines;
  const valid =
    /^[1-9]\d{0,9}$/.test(pidText) &&
    host.length <= 255 &&
    /^[^\p{Cc}\s]+$/u.test(host) &&
    /^[\w-]{0,64}$/.test(token);
  return valid ? { pid: Number(pidText), host, token: token || undefined } : undefined;
}
