import type { FaultAction, FaultMatch } from './fault-action';

const EVENT_PATH = /^\/[^/]+\/[^/]+$/;

/** Whether a request goes to an event route (tp2 or another two-segment path, or the pixel). */
export function isEventRoute(method: string, path: string): boolean {
  if (method === 'POST') return EVENT_PATH.test(path);
  if (method === 'GET' || method === 'HEAD') {
    return path === '/i' || path === '/ice.png' || EVENT_PATH.test(path);
  }
  return false;
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return isEventRoute(method, path);
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

interface Entry {
  readonly action: FaultAction;
  left: number;
}

/** An ordered fault script: the first action matching a request handles it and uses one `times`. */
export class FaultScript {
  private entries: Entry[] = [];

  /** Replaces the script. */
  set(actions: readonly FaultAction[]): void {
    this.entries = actions.map((action) => ({ action, left: action.times ?? 1 }));
  }

  /** Appends actions. */
  push(actions: readonly FaultAction[]): void {
    for (const action of actions) this.entries.push({ action, left: action.times ?? 1 });
  }

  /** The action for this request, consumed; `undefined` means normal handling. */
  take(method: string, path: string): FaultAction | undefined {
    const index = this.entries.findIndex((entry) => matches(entry.action.match, method, path));
    if (index < 0) return undefined;
    const entry = this.entries[index] as Entry;
    entry.left--;
    if (entry.left <= 0) this.entries.splice(index, 1);
    return entry.action;
  }

  /** Actions not used up yet. */
  get pending(): number {
    return this.entries.length;
  }
}
