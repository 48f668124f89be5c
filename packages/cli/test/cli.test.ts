import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, PACKAGES } from './ensure-built';

jest.setTimeout(240_000);

const BIN = join(PACKAGES, 'cli', 'bin', 'floe.js');
const REPO = join(PACKAGES, '..');

function floe(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the floe executable', () => {
  const work = mkdtempSync(join(tmpdir(), 'floe-cli-'));
  beforeAll(() => ensureBuilt(['iglu', 'codegen', 'collector', 'cli']));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints help and its version', () => {
    const help = floe(['--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: floe <command> [options]');
    expect(floe(['generate', '--help'], work).stdout).toContain('--check');
    const { version } = JSON.parse(readFileSync(join(PACKAGES, 'cli', 'package.json'), 'utf8'));
    expect(floe(['--version'], work)).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('exits 2 on an unknown command or flag', () => {
    expect(floe(['frobnicate'], work)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command'),
    });
    expect(floe(['generate', '--nope'], work)).toMatchObject({ code: 2 });
    expect(floe([], work).code).toBe(2);
  });

  it('generate writes, then --check passes, and fails on a hand-edited, missing or orphan file', () => {
    const project = join(work, 'project');
    cpSync(join(REPO, 'schemas'), join(project, 'schemas'), { recursive: true });
    cpSync(join(REPO, 'specs'), join(project, 'specs'), { recursive: true });
    const config = JSON.parse(readFileSync(join(REPO, 'floe.config.json'), 'utf8'));
    writeFileSync(
      join(project, 'floe.config.json'),
      JSON.stringify({ codegen: { ...config.codegen, out: 'gen' } }),
    );
    const first = floe(['generate'], project);
    expect(first.code).toBe(0);
    const written =
      /floe generate: 20 schemas, (\d+) files written, 0 unchanged, 0 removed, 0 failed/.exec(
        first.stdout,
      )?.[1];
    expect(written).toBeDefined();
    // Same bytes as the committed @floe/events output: the repo's own check in miniature.
    for (const file of [
      'index.ts',
      'aliases.ts',
      'validators.ts',
      'com.snowplowanalytics.snowplow/link_click/1-0-1.ts',
    ]) {
      expect(readFileSync(join(project, 'gen', file), 'utf8')).toBe(
        readFileSync(join(PACKAGES, 'events', 'src', 'generated', file), 'utf8'),
      );
    }
    expect(floe(['generate', '--check'], project)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`${written} files up to date`),
    });

    const edited = join(project, 'gen', 'com.snowplowanalytics.snowplow', 'timing', '1-0-0.ts');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}// edited\n`);
    rmSync(join(project, 'gen', 'aliases.ts'));
    mkdirSync(join(project, 'gen', 'com.acme'));
    writeFileSync(join(project, 'gen', 'com.acme', 'index.ts'), 'export {};\n');
    const stale = floe(['generate', '--check'], project);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('changed   com.snowplowanalytics.snowplow/timing/1-0-0.ts\n');
    expect(stale.stderr).toContain('missing   aliases.ts\n');
    expect(stale.stderr).toContain('orphaned  com.acme/index.ts\n');
    expect(stale.stderr).toContain('3 generated files out of date; run `npm run generate`');
    expect(readFileSync(edited, 'utf8')).toContain('// edited'); // --check writes nothing
  });

  it('outside this repo, generate writes to src/generated, and --check’s hint keeps the user’s flags', () => {
    const app = join(work, 'app');
    cpSync(join(REPO, 'schemas'), join(app, 'my schemas'), { recursive: true });
    expect(floe(['generate', '--schemas', 'my schemas', '--external'], app).code).toBe(0);
    expect(readFileSync(join(app, 'src', 'generated', 'index.ts'), 'utf8')).toContain('generated');
    rmSync(join(app, 'src', 'generated', 'aliases.ts'));
    const flagged = floe(
      ['generate', '--schemas', 'my schemas', '--out', 'src/generated', '--check'],
      app,
    );
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain(
      "run `floe generate --schemas 'my schemas' --out src/generated`",
    );
  });

  it('lint checks the specs folder the config names, and points at the rule', () => {
    const project = join(work, 'planned');
    cpSync(join(REPO, 'schemas'), join(project, 'schemas'), { recursive: true });
    mkdirSync(join(project, 'plans'));
    const spec = JSON.parse(readFileSync(join(REPO, 'specs', 'checkout.json'), 'utf8'));
    spec.rules = [{ target: 'event', path: '/currency', enum: ['CHF'] }];
    writeFileSync(join(project, 'plans', 'checkout.json'), JSON.stringify(spec, null, 2));
    writeFileSync(
      join(project, 'floe.config.json'),
      JSON.stringify({ codegen: { schemas: 'schemas', specs: 'plans' } }),
    );
    const linted = floe(['lint'], project);
    expect(linted.code).toBe(1);
    expect(linted.stderr).toMatch(/plans\/checkout\.json:\d+:\d+: error \[specRuleImpossible\]/);
  });

  it('lint exits 0 on warnings, 1 with --strict and 1 on errors', () => {
    const schemas = join(work, 'lint');
    const write = (path: string, schema: object) => {
      mkdirSync(join(schemas, path, '..'), { recursive: true });
      writeFileSync(join(schemas, path), JSON.stringify(schema));
    };
    const self = (name: string) => ({
      $schema:
        'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
      description: name,
      self: { vendor: 'com.acme', name, format: 'jsonschema', version: '1-0-0' },
      type: 'object',
      additionalProperties: false,
    });
    write('com.acme/loose/jsonschema/1-0-0', {
      ...self('loose'),
      properties: { a: { type: 'string' } },
    });
    const warned = floe(['lint', '--schemas', 'lint'], work);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(
      /lint\/com.acme\/loose\/jsonschema\/1-0-0: warning \[stringLength\]/,
    );
    expect(warned.stdout).toMatch(/floe lint: 1 schema, 0 errors, \d+ warnings?, \d+ info/);
    expect(floe(['lint', '--schemas', 'lint', '--strict'], work).code).toBe(1);
    expect(
      floe(
        [
          'lint',
          '--schemas',
          'lint',
          '--strict',
          '--skip-checks',
          'stringLength,description,optionalNull',
        ],
        work,
      ).code,
    ).toBe(0);
    expect(floe(['lint', '--schemas', 'lint', '--skip-checks', 'nope'], work)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown lint check "nope"'),
    });
    write('com.acme/bad/jsonschema/1-0-0', {
      ...self('bad'),
      properties: { n: { type: 'integer', minimum: 5, maximum: 1 } },
    });
    expect(floe(['lint', '--schemas', 'lint'], work)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('error [numericMinimumMaximum]'),
    });
  });

  it('collector hands its arguments to @floe/collector', () => {
    const help = floe(['collector', '--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: floe collector [options]');
    expect(floe(['collector', '--port', 'nope'], work).code).toBe(2);
  });
});
