import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/cli-io';
import { runCli } from '../src/run-cli';

const loaded = { codegen: false, collector: false };
jest.mock('@floe/codegen', () => {
  loaded.codegen = true;
  return jest.requireActual('@floe/codegen');
});
jest.mock('@floe/collector', () => {
  loaded.collector = true;
  return jest.requireActual('@floe/collector');
});

function capture(
  cwd: string,
  signal?: AbortSignal,
): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    cwd,
    ...(signal ? { signal } : {}),
    out: () => out,
    err: () => err,
  };
}

describe('runCli in process', () => {
  const work = mkdtempSync(join(tmpdir(), 'floe-run-cli-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('loads neither codegen nor the collector for --help and --version', async () => {
    const io = capture(work);
    expect(await runCli(['--help'], io)).toBe(0);
    expect(await runCli(['--version'], io)).toBe(0);
    expect(loaded).toEqual({ codegen: false, collector: false });
  });

  it('reports a bad config with exit code 2', async () => {
    writeFileSync(
      join(work, 'floe.config.json'),
      JSON.stringify({ codegen: { aliases: { bad_name: {} } } }),
    );
    const io = capture(work);
    expect(await runCli(['generate', '--check'], io)).toBe(2);
    expect(io.err()).toContain('alias names are PascalCase');
    expect(loaded.collector).toBe(false);
    rmSync(join(work, 'floe.config.json'));
  });

  it('generate --watch runs until stopped', async () => {
    const schemas = join(work, 'schemas', 'com.acme', 'ping', 'jsonschema');
    mkdirSync(schemas, { recursive: true });
    writeFileSync(
      join(schemas, '1-0-0'),
      JSON.stringify({
        $schema:
          'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
        description: 'A ping',
        self: { vendor: 'com.acme', name: 'ping', format: 'jsonschema', version: '1-0-0' },
        type: 'object',
        properties: {},
        additionalProperties: false,
      }),
    );
    const stop = new AbortController();
    const io = capture(work, stop.signal);
    const running = runCli(['generate', '--watch', '--out', 'out'], io);
    while (!io.out().includes('watching')) await new Promise((done) => setTimeout(done, 20));
    expect(readFileSync(join(work, 'out', 'com.acme', 'ping', '1-0-0.ts'), 'utf8')).toContain(
      'ComAcmePing_1_0_0',
    );
    stop.abort();
    expect(await running).toBe(0);
    expect(io.out()).toMatch(/floe generate: 1 schema, \d+ files written/);
  });
});
