// The conformance harness of Cloudflare Workers: a module worker, run in workerd by miniflare.
import { handleScenarioRequest } from './edge-handler';

export default {
  fetch(request: Request, _env: unknown, ctx: { waitUntil(promise: Promise<unknown>): void }) {
    return handleScenarioRequest(request, (promise) => ctx.waitUntil(promise));
  },
};
