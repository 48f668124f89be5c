// One scenario on every runtime (issue 17): each runtime's harness runs conformance/scenario.ts
// against the embedded collector, which must find the same good and bad events from each, with the
// same key sets and the same payloads apart from ids, timestamps, `tv` and the subject.
// `npm run runtimes:report` turns the results this run leaves in .floe/conformance into
// docs/runtimes.md.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleHarness, conformanceDir } from '../conformance/bundle-harness';
import { chromiumAvailable, runInChromium } from '../conformance/chromium';
import { collectedEvents } from '../conformance/collected-events';
import { comparable, scenarioKey } from '../conformance/compare-payloads';
import { edgeRuntime, workerd } from '../conformance/edge-runtimes';
import { missingRuntime, serverRuntimes } from '../conformance/find-runtimes';
import { type HarnessReport, runHarness } from '../conformance/run-harness';
import { EXPECTED } from '../conformance/scenario';
import { startTestCollector, type TestCollector } from '../src';

jest.setTimeout(120_000);

const REFERENCE = 'node20';
const sent = EXPECTED.good + EXPECTED.bad;

let collector: TestCollector;
let serverBundle: string;
let workerBundle: string;
let edgeScript: string;
let browserBundle: string;
/** Each runtime's good events by scenario key, for the cross-runtime comparison. */
const goodByRuntime = new Map<string, Map<string, Readonly<Record<string, string>>>>();

beforeAll(async () => {
  collector = await startTestCollector();
  serverBundle = await bundleHarness('harness-server', 'node');
  workerBundle = await bundleHarness('harness-workerd', 'module');
  edgeScript = await bundleHarness('harness-edge-runtime', 'script');
  browserBundle = await bundleHarness('harness-browser', 'module');
});
afterAll(() => collector?.close());

/** Checks one runtime's report and what the collector received from it, and keeps the result. */
async function verify(report: HarnessReport): Promise<void> {
  expect(report.eids).toHaveLength(sent);
  expect(report.flushed).toEqual({ delivered: sent, dropped: 0, pending: 0 });
  const { good, bad } = await collectedEvents(collector.url, report.runtime);
  expect({ good: good.length, bad: bad.length }).toEqual(EXPECTED);
  for (const parameters of good) expect(report.eids).toContain(parameters.eid);
  const byKey = new Map(good.map((p) => [scenarioKey(p), p]));
  expect(byKey.size).toBe(EXPECTED.good);
  goodByRuntime.set(report.runtime, byKey);
  writeFileSync(
    join(conformanceDir, `${report.runtime}.json`),
    `${JSON.stringify({ runtime: report.runtime, version: report.version, good: good.length, bad: bad.length })}\n`,
  );
}

describe.each(serverRuntimes())('the scenario on $name', (runtime) => {
  it('delivers every event, and the collector finds 16 good and 1 bad', async () => {
    if (runtime.path === undefined) {
      if (process.env.CI === 'true') throw new Error(missingRuntime(runtime.name));
      console.warn(`conformance: skipping ${runtime.name}: ${missingRuntime(runtime.name)}`);
      return;
    }
    const config = JSON.stringify({ endpoint: collector.url, runtime: runtime.name });
    await verify(await runHarness(runtime.path, [...runtime.args, serverBundle, config]));
  });
});

describe.each([workerd(), edgeRuntime()])('the scenario on $name', (runtime) => {
  it('delivers every event, and the collector finds 16 good and 1 bad', async () => {
    if (!runtime.available) {
      if (process.env.CI === 'true') throw new Error(missingRuntime(runtime.name));
      console.warn(`conformance: skipping ${runtime.name}: ${missingRuntime(runtime.name)}`);
      return;
    }
    const bundle = runtime.name === 'workerd' ? workerBundle : edgeScript;
    await verify(await runtime.run(bundle, collector.url));
  });
});

describe('the scenario on chromium', () => {
  it('delivers every event through @floe/browser, and the collector finds 16 good and 1 bad', async () => {
    if (!chromiumAvailable) {
      if (process.env.CI === 'true')
        throw new Error(
          'Chromium is not installed: npm test installs Debian’s chromium (scripts/ensure-browser.mjs), or set FLOE_CHROMIUM.',
        );
      console.warn('conformance: skipping chromium: not installed');
      return;
    }
    await verify(await runInChromium(browserBundle, collector.url));
  });
});

describe('across runtimes', () => {
  it(`every runtime sent the same events as ${REFERENCE}, key for key`, () => {
    const reference = goodByRuntime.get(REFERENCE);
    expect(reference).toBeDefined();
    for (const [runtime, events] of goodByRuntime) {
      for (const [key, parameters] of reference as Map<string, Readonly<Record<string, string>>>) {
        const other = events.get(key);
        expect({ runtime, key, found: other !== undefined }).toEqual({ runtime, key, found: true });
        expect({ runtime, key, ...comparable(other as Record<string, string>) }).toEqual({
          runtime,
          key,
          ...comparable(parameters),
        });
      }
    }
  });
});
