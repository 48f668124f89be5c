// What the conformance worker does on workerd and edge-runtime: one edge tracker per isolate, the
// scenario through the request's tracker, and the report as the response.
import { createEdgeTracker, type EdgeTracker } from '@floe/edge';
import { runScenario } from './scenario';

let edge: EdgeTracker | undefined;

/** Runs the scenario for a `POST {endpoint, runtime, version}` and answers with the report. */
export async function handleScenarioRequest(
  request: Request,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<Response> {
  const { endpoint, runtime, version } = (await request.json()) as {
    endpoint: string;
    runtime: string;
    version: string;
  };
  edge ??= createEdgeTracker({
    endpoint,
    namespace: 'conformance',
    appId: `conformance-${runtime}`,
  });
  const result = await runScenario(edge.trackerFor(request, { waitUntil }));
  return new Response(JSON.stringify({ runtime, version, ...result }), {
    headers: { 'content-type': 'application/json' },
  });
}
