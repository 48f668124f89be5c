// The conformance harness of the server runtimes (Node 20/22/24, Bun, Deno): a @floe/node tracker
// with a memory queue, the scenario, a shutdown, and one JSON line on stdout. The config comes as
// the last argument, since Deno's argv differs from Node's.
import { createNodeTracker } from '@floe/node';
import { describeRuntime } from './describe-runtime';
import { runScenario } from './scenario';

const { endpoint, runtime } = JSON.parse(process.argv[process.argv.length - 1] as string) as {
  endpoint: string;
  runtime: string;
};

const tracker = createNodeTracker({
  endpoint,
  namespace: 'conformance',
  appId: `conformance-${runtime}`,
  queue: 'memory',
  exitHandlers: false,
});
const result = await runScenario(tracker);
await tracker.shutdown();
console.log(JSON.stringify({ runtime, version: describeRuntime(), ...result }));
