// The demo behind `npm start`: once in-process against a port-0 collector (fast, from source), and
// once exactly as a user runs it, `node scripts/start.mjs` in a child process (which builds the
// demo and the packages it uses with turbo, cached after the first run).
import { spawn } from 'node:child_process';
import { demoSucceeded, formatSummary, runDemo } from '@floe/example-demo';
import { microGood, repoRoot, startTestCollector, type TestCollector } from '../src';

const EXPECTED_SCHEMAS = [
  'iglu:com.snowplowanalytics.snowplow/page_view/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/page_ping/jsonschema/1-0-0',
  'iglu:com.google.analytics/event/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/transaction/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/transaction_item/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1',
  'iglu:com.snowplowanalytics.snowplow/add_to_cart/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/remove_from_cart/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/change_form/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/submit_form/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/site_search/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/timing/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0',
  'iglu:com.snowplowanalytics.snowplow/screen_view/jsonschema/1-0-0',
  'iglu:com.example_company/save-game/jsonschema/1-0-0',
  'iglu:com.example_company/save-game/jsonschema/1-0-1',
  'iglu:com.example_company/save-game/jsonschema/1-0-2',
];

describe('demo, in-process', () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector();
  });
  afterAll(() => collector.close());

  test('every event type lands good except the deliberate one, whose error is in the summary', async () => {
    const collectorUrl = collector.url;
    const result = await runDemo({ collectorUrl });
    const sent = result.tracked.reduce((sum, event) => sum + event.eids.length, 0);

    expect(result.flush).toEqual({ delivered: sent, dropped: 0, pending: 0 });
    expect(result.report.counts).toEqual({ total: sent, good: sent - 1, bad: 1 });
    expect(result.report.schemas.map((row) => row.schema).sort()).toEqual(
      [...EXPECTED_SCHEMAS].sort(),
    );
    expect(demoSucceeded(result)).toBe(true);

    const [bad] = result.report.bad;
    expect(bad?.eventId).toBe(result.invalidEventId);
    expect(bad?.schema).toBe('iglu:com.example_company/save-game/jsonschema/1-0-0');
    expect(bad?.errors[0]?.path).toMatch(/level/);

    // The tracker's own validation (generated validators) flagged the same event, and only it.
    expect(result.violations).toEqual([
      {
        schema: 'iglu:com.example_company/save-game/jsonschema/1-0-0',
        role: 'event',
        issues: [expect.objectContaining({ path: '/level' })],
      },
    ]);

    const summary = formatSummary(result);
    expect(summary).toContain(result.invalidEventId);
    expect(summary).toContain(bad?.errors[0]?.message);
    expect(summary).toContain(`${collectorUrl}/micro/ui`);
    expect(summary).toMatch(/tracker +\/level.*\(flagged by validation before sending\)/);

    // Entities and the true timestamp made it through.
    const [pageView] = await microGood(collectorUrl, { event_type: 'page_view' });
    expect(pageView?.contexts).toEqual([
      'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
      'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2',
    ]);
    const saves = await microGood(collectorUrl, {
      schema: 'iglu:com.example_company/save-game/jsonschema/1-0-0',
    });
    expect(saves.filter((event) => event.event.true_tstamp !== null)).toHaveLength(1);
  });
});

describe('npm start, in a child process', () => {
  test('builds, runs the demo, prints the summary with the invalid event error, exits 0', async () => {
    const { code, stdout, stderr } = await run(process.execPath, [
      'scripts/start.mjs',
      '--port',
      '0',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/Embedded collector listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/landed in bad/);
    expect(stdout).toMatch(/error +\/level: .*integer.*schema_violations/);
    expect(stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+\/micro\/ui/);
  }, 240_000);

  test('--serve keeps the collector and its UI up until SIGINT, then exits 0', async () => {
    // The previous test built everything, so this one skips the build.
    const child = spawn(
      process.execPath,
      ['scripts/start.mjs', '--serve', '--port', '0', '--no-build'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    const uiUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = /Serving (http:\/\/\S+\/micro\/ui)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('close', (code) => reject(new Error(`exited early (${code}): ${stdout}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const page = await fetch(uiUrl);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      await page.text();
      const counts = await (await fetch(uiUrl.replace(/\/ui$/, '/all'))).json();
      expect(counts).toMatchObject({ bad: 1 });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});

function run(
  command: string,
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
