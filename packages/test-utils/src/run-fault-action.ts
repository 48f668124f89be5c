import { type Exchange, PIXEL } from './exchange';
import type { FaultAction } from './fault-action';

/** What a fault action needs from the server that runs it. */
export interface FaultActionContext {
  /** Processes and stores a request's events; false when the client has already gone. */
  commit(ex: Exchange, body: Buffer | undefined): boolean;
  /** Parses a request's events into its log entry without storing them. */
  inspect(ex: Exchange, body: Buffer | undefined): void;
  /** Resolves after `ms`, on a timer the server releases when it closes. */
  later(ms: number): Promise<void>;
  /** Stops listening, for `forMs` when given. */
  stopListening(forMs?: number): Promise<void>;
}

/** The collector's normal answer: `ok` to a POST, the pixel to a GET. */
export function answerNormally(ex: Exchange): void {
  if (ex.entry.method === 'POST') ex.send(200, { 'content-type': 'text/plain' }, 'ok');
  else ex.send(200, { 'content-type': 'image/gif', 'cache-control': 'no-cache' }, PIXEL);
}

/**
 * Carries out one scripted fault (local-collector.md §10.1) on a request: what is read, what is
 * committed, and what the client sees.
 *
 * @param ex - the request being handled.
 * @param action - the script's next action for it.
 * @param context - the server's commit, inspection and timer functions.
 */
export async function runFaultAction(
  ex: Exchange,
  action: FaultAction,
  context: FaultActionContext,
): Promise<void> {
  const { entry } = ex;
  entry.action = action.type;
  const readIfPost = async (): Promise<Buffer | undefined> =>
    entry.method === 'POST' ? ex.readBody() : undefined;
  switch (action.type) {
    case 'respond': {
      const body = await readIfPost();
      if (action.delayMs) await context.later(action.delayMs);
      const is2xx = action.status >= 200 && action.status < 300;
      const stored = action.commit ?? is2xx;
      if (stored) {
        if (!context.commit(ex, body)) return;
        if (!is2xx) entry.ambiguous = entry.committed;
      } else {
        context.inspect(ex, body);
        if (ex.clientGone) {
          entry.status = 'client_aborted';
          return;
        }
      }
      const headers = { 'content-type': 'text/plain', ...action.headers };
      if (action.bodyBytes !== undefined) ex.stream(action.status, headers, action.bodyBytes);
      else ex.send(action.status, headers, action.body ?? (is2xx ? 'ok' : ''));
      return;
    }
    case 'delay': {
      const body = await readIfPost();
      await context.later(action.ms);
      if (context.commit(ex, body)) answerNormally(ex);
      return;
    }
    case 'hang': {
      const body = await readIfPost();
      if (action.commit) {
        context.commit(ex, body);
        entry.ambiguous = entry.committed;
      } else context.inspect(ex, body);
      entry.status = 'none';
      return;
    }
    case 'resetBeforeRead':
      ex.reset();
      return;
    case 'resetAfterCommit': {
      const body = await readIfPost();
      context.commit(ex, body);
      entry.ambiguous = entry.committed;
      ex.reset();
      return;
    }
    case 'partialRead':
      entry.status = 'none';
      await ex.readPart(action.fraction ?? 0.5);
      return;
    case 'headersThenDestroy': {
      const body = await readIfPost();
      const is2xx = action.status >= 200 && action.status < 300;
      if (is2xx) context.commit(ex, body);
      else context.inspect(ex, body);
      entry.status = action.status;
      ex.res.writeHead(action.status, { 'content-type': 'text/plain', 'content-length': '1000' });
      ex.res.write('partial', () => ex.req.socket.destroy());
      return;
    }
    case 'close':
      ex.reset();
      await context.stopListening(action.forMs);
      return;
  }
}
