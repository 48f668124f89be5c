import { AttemptAbort } from '../../src/emitter/attempt-abort';

describe('AttemptAbort', () => {
  it('calls each listener once, in order, and reports aborted', () => {
    const abort = new AttemptAbort();
    const calls: string[] = [];
    abort.signal.addEventListener('abort', () => calls.push('first'));
    abort.signal.addEventListener('abort', () => calls.push('second'), { once: true });
    expect(abort.signal.aborted).toBe(false);
    abort.abort();
    abort.abort();
    expect(abort.signal.aborted).toBe(true);
    expect(calls).toEqual(['first', 'second']);
  });

  it('does not call a removed listener, nor one added after the abort', () => {
    const abort = new AttemptAbort();
    const calls: string[] = [];
    const removed = () => calls.push('removed');
    abort.signal.addEventListener('abort', removed);
    abort.signal.addEventListener('abort', () => calls.push('kept'));
    abort.signal.removeEventListener('abort', removed);
    abort.signal.removeEventListener('abort', () => calls.push('never added'));
    abort.abort();
    abort.signal.addEventListener('abort', () => calls.push('late'));
    abort.abort();
    expect(calls).toEqual(['kept']);
  });

  it('calls every listener even when one throws', () => {
    const abort = new AttemptAbort();
    const calls: string[] = [];
    abort.signal.addEventListener('abort', () => {
      throw new Error('transport listener failed');
    });
    abort.signal.addEventListener('abort', () => calls.push('emitter'));
    expect(() => abort.abort()).not.toThrow();
    expect(calls).toEqual(['emitter']);
  });
});
