/**
 * Polls `condition` every 5 ms (real time) until it returns true, or throws after `timeoutMs`.
 *
 * @param condition - checked first at once; may be async.
 * @param timeoutMs - default 2,000 ms.
 * @param message - used in the timeout error.
 * @example
 * await waitFor(() => server.requests.length === 4, 2000);
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 2000,
  message = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline)
      throw new Error(`waitFor: ${message} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
