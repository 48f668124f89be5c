/** A tracker's part in process exit: how to shut it down with its deadline. */
export interface ExitParticipant {
  /** Flushes and releases the tracker; must resolve by its own deadline. */
  shutdown(): Promise<unknown>;
  /** The deadline `shutdown` honours, to keep the process alive that long. */
  readonly timeoutMs: number;
}

type Signal = 'SIGTERM' | 'SIGINT';

interface Registry {
  readonly participants: Set<ExitParticipant>;
  installed: boolean;
  /** Set while a signal's shutdown runs: a second signal then exits at once. */
  signalled: boolean;
  onBeforeExit: () => void;
  onSignal: (signal: Signal) => void;
}

// One registry per process, shared through the global symbol registry so that the ESM and CJS
// builds of this package (both loaded in one process) install a single set of listeners, and
// several trackers are shut down together by one signal.
const KEY = Symbol.for('@floe/node:exit-handlers');
const SIGNALS: readonly Signal[] = ['SIGTERM', 'SIGINT'];

function registry(): Registry {
  const holder = globalThis as { [KEY]?: Registry };
  if (holder[KEY]) return holder[KEY];
  const created: Registry = {
    participants: new Set(),
    installed: false,
    signalled: false,
    onBeforeExit: () => void shutdownAll(created),
    onSignal: (signal) => onSignal(created, signal),
  };
  holder[KEY] = created;
  return created;
}

function install(reg: Registry): void {
  if (reg.installed) return;
  reg.installed = true;
  process.on('beforeExit', reg.onBeforeExit);
  for (const signal of SIGNALS) process.on(signal, reg.onSignal);
}

function uninstall(reg: Registry): void {
  if (!reg.installed) return;
  reg.installed = false;
  process.off('beforeExit', reg.onBeforeExit);
  for (const signal of SIGNALS) process.off(signal, reg.onSignal);
}

/** Shuts every registered tracker down, keeping the process alive until they are done. */
async function shutdownAll(reg: Registry): Promise<void> {
  const participants = [...reg.participants];
  if (participants.length === 0) return;
  // Core's timers are unref'd; this one holds the process open for the longest deadline.
  const longest = Math.max(...participants.map((p) => p.timeoutMs));
  const keepAlive = setTimeout(() => undefined, longest + 1000);
  try {
    await Promise.allSettled(participants.map((p) => p.shutdown()));
  } finally {
    clearTimeout(keepAlive);
  }
}

function onSignal(reg: Registry, signal: Signal): void {
  // Decided now, before our own listener goes away: if the host app listens for this signal too,
  // it owns the exit; otherwise the signal is raised again once the trackers are shut down, so the
  // process ends the way it would have without us (killed by the signal).
  const othersListen = process.listeners(signal).some((l) => l !== reg.onSignal);
  if (reg.signalled) {
    // A second signal during shutdown (Ctrl-C twice): stop waiting.
    uninstall(reg);
    if (!othersListen) process.kill(process.pid, signal);
    return;
  }
  reg.signalled = true;
  void shutdownAll(reg).then(() => {
    reg.signalled = false;
    if (othersListen) return;
    uninstall(reg);
    process.kill(process.pid, signal);
  });
}

/**
 * Registers a tracker to be shut down on `beforeExit`, `SIGTERM` and `SIGINT`. The process
 * listeners exist only while at least one tracker is registered.
 *
 * @param participant - the tracker's shutdown and deadline.
 * @returns a function that unregisters it (and removes the listeners when it was the last).
 */
export function registerExitHandler(participant: ExitParticipant): () => void {
  const reg = registry();
  reg.participants.add(participant);
  install(reg);
  return () => {
    reg.participants.delete(participant);
    if (reg.participants.size === 0 && !reg.signalled) uninstall(reg);
  };
}
