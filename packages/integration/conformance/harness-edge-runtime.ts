// The conformance harness of Vercel's edge runtime (Next.js middleware's runtime): a fetch
// listener, as edge-runtime runs it.
import { handleScenarioRequest } from './edge-handler';

interface FetchEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
  waitUntil(promise: Promise<unknown>): void;
}

declare function addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;

addEventListener('fetch', (event) => {
  event.respondWith(handleScenarioRequest(event.request, (promise) => event.waitUntil(promise)));
});
