import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startCollector } from '@floe/collector';
import { repoSchemas } from '../../src';
import { describeInChromium } from './helpers/browser-env';

jest.setTimeout(60_000);

const demo = join(__dirname, '..', '..', '..', 'browser', 'demo', 'run-browser-demo.mjs');

/** Runs `runBrowserDemo(options)` in a child Node (the demo is an ES module for scripts/start.mjs). */
async function runDemo(
  options: Record<string, unknown>,
): Promise<{ sent: number; stdout: string }> {
  const script = `import { runBrowserDemo } from ${JSON.stringify(demo)};
    const sent = await runBrowserDemo(${JSON.stringify(options)});
    console.log('SENT ' + sent);`;
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--input-type=module',
    '-e',
    script,
  ]);
  return { sent: Number(/SENT (\d+)/.exec(stdout)?.[1]), stdout };
}

describeInChromium('the browser demo', () => {
  test('runBrowserDemo sends its events, and every one lands good', async () => {
    // The demo's save-game event comes from the repo's own schemas.
    const collector = await startCollector({
      port: 0,
      schemaDirs: [repoSchemas],
    });
    try {
      const { sent } = await runDemo({ collectorUrl: collector.url });
      expect(sent).toBeGreaterThanOrEqual(8);
      expect(collector.all()).toMatchObject({ total: sent, bad: 0 });
    } finally {
      await collector.close();
    }
  });
});

test('without Chromium the demo says so in one line and sends nothing', async () => {
  const { sent, stdout } = await runDemo({
    collectorUrl: 'http://127.0.0.1:9',
    chromiumPath: '/nonexistent/chromium',
  });
  expect(sent).toBe(0);
  expect(stdout.trim().split('\n')).toEqual([
    expect.stringContaining('Chromium not found'),
    'SENT 0',
  ]);
});
