// The conformance harness of the browser: a page module that creates a @floe/browser tracker and
// runs the scenario; the test reads the report from `window.conformance`.
import { createBrowserTracker } from '@floe/browser';
import { runScenario } from './scenario';

const endpoint = new URLSearchParams(location.search).get('endpoint') as string;
const tracker = createBrowserTracker({
  endpoint,
  namespace: 'conformance',
  appId: 'conformance-chromium',
});

(globalThis as { conformance?: Promise<unknown> }).conformance = runScenario(tracker).then(
  (result) => ({
    runtime: 'chromium',
    version: 'Chromium',
    ...result,
  }),
);
