// Release planning on the save-game lineage of decision 17: 1-0-0 released, then 1-0-1 and
// 1-0-2 added (minor), then a 2-0-0 with the first-class alias moved onto it (major), against
// a git tag and against a recorded snapshot; plus descriptions (patch) and removals (major).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  changesetFileName,
  compareTrackingPlans,
  EMPTY_SNAPSHOT,
  findChangesetRoot,
  planRelease,
  readSnapshotFile,
  readTrackingPlan,
  resolveReleaseBaseline,
  type TrackingPlanSnapshot,
  writeSnapshotFile,
} from '../src/index';
import { REPO_SCHEMAS, tempDir } from './helpers';

const SAVE_GAME = 'com.example_company/save-game/jsonschema';
const uri = (version: string) => `iglu:${SAVE_GAME}/${version}`;

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Floe test',
  GIT_AUTHOR_EMAIL: 'test@floe.invalid',
  GIT_COMMITTER_NAME: 'Floe test',
  GIT_COMMITTER_EMAIL: 'test@floe.invalid',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

let temp: ReturnType<typeof tempDir>;
let plan: string;
let schemasDir: string;
let specsDir: string;
let configFile: string;

function copyVersion(version: string): void {
  const target = join(schemasDir, SAVE_GAME);
  mkdirSync(target, { recursive: true });
  cpSync(join(REPO_SCHEMAS, SAVE_GAME, version), join(target, version));
}

function writeConfig(aliases: Record<string, string>): void {
  const entries = Object.fromEntries(
    Object.entries(aliases).map(([name, to]) => [name, { uri: to }]),
  );
  writeFileSync(configFile, JSON.stringify({ codegen: { schemas: 'schemas', aliases: entries } }));
}

function writeSaveGame2(description = 'A player saved their game, version 2.'): void {
  const file = join(schemasDir, SAVE_GAME, '2-0-0');
  const schema = JSON.parse(readFileSync(join(REPO_SCHEMAS, SAVE_GAME, '1-0-2'), 'utf8'));
  schema.self.version = '2-0-0';
  schema.description = description;
  schema.properties.level = { type: 'string', maxLength: 16, description: 'Level name.' };
  writeFileSync(file, JSON.stringify(schema, null, 2));
}

const source = () => ({
  schemasDir,
  specsDir,
  configFile,
  config: JSON.parse(readFileSync(configFile, 'utf8')).codegen,
});

beforeEach(() => {
  temp = tempDir('floe-release-');
  plan = join(temp.dir, 'plan');
  schemasDir = join(plan, 'schemas');
  specsDir = join(plan, 'specs');
  configFile = join(plan, 'floe.config.json');
  mkdirSync(schemasDir, { recursive: true });
  copyVersion('1-0-0');
  writeConfig({ SaveGame: uri('1-0-0') });
  git(plan, 'init', '-q', '-b', 'main');
  git(plan, 'add', '-A');
  git(plan, 'commit', '-q', '-m', 'release 1.0.0');
  git(plan, 'tag', '@acme/tracking@1.0.0');
});
afterEach(() => temp.remove());

const baselineOptions = (extra: object = {}) => ({
  defaultSnapshotFile: join(plan, 'floe-release.json'),
  defaultTag: '@acme/tracking@1.0.0',
  ...extra,
});

test('1-0-0 → 1-0-2 is a minor release: two versions added side by side, each stated', () => {
  copyVersion('1-0-1');
  copyVersion('1-0-2');
  const baseline = resolveReleaseBaseline(baselineOptions(), source());
  expect(baseline.label).toBe('git ref @acme/tracking@1.0.0');
  const result = planRelease(source(), baseline, '@acme/tracking');
  expect(result.bump).toBe('minor');
  expect(result.changes).toEqual([
    {
      bump: 'minor',
      reason:
        'New version 1-0-1 of com.example_company/save-game, side by side with 1-0-0 (`trackComExampleCompanySaveGame_1_0_1`).',
    },
    {
      bump: 'minor',
      reason:
        'New version 1-0-2 of com.example_company/save-game, side by side with 1-0-0 (`trackComExampleCompanySaveGame_1_0_2`).',
    },
  ]);
  expect(result.changeset).toBe(
    `---\n"@acme/tracking": minor\n---\n\nTracking plan changes since git ref @acme/tracking@1.0.0:\n\n- minor: New version 1-0-1 of com.example_company/save-game, side by side with 1-0-0 (\`trackComExampleCompanySaveGame_1_0_1\`).\n- minor: New version 1-0-2 of com.example_company/save-game, side by side with 1-0-0 (\`trackComExampleCompanySaveGame_1_0_2\`).\n`,
  );
});

test('moving the alias within MODEL 1 is minor; a 2-0-0 beside is minor; the alias moved onto 2-0-0 is major', () => {
  copyVersion('1-0-1');
  copyVersion('1-0-2');
  writeConfig({ SaveGame: uri('1-0-2') });
  const baseline = () => resolveReleaseBaseline(baselineOptions(), source());
  const within = planRelease(source(), baseline(), '@acme/tracking');
  expect(within.bump).toBe('minor');
  expect(within.changes.map((c) => c.reason)).toContain(
    'Alias `SaveGame` moved from 1-0-0 to 1-0-2 of com.example_company/save-game, within MODEL 1.',
  );

  // Released as 1.1.0 and recorded; then 2-0-0 arrives beside the 1-x versions.
  writeSnapshotFile(join(plan, 'floe-release.json'), readTrackingPlan(source()));
  writeSaveGame2();
  const beside = planRelease(source(), baseline(), '@acme/tracking');
  expect(beside.baseline.label).toBe(`snapshot ${join(plan, 'floe-release.json')}`);
  expect(beside.changes).toEqual([
    {
      bump: 'minor',
      reason:
        'New version 2-0-0 of com.example_company/save-game, side by side with 1-0-0, 1-0-1, 1-0-2 (`trackComExampleCompanySaveGame_2_0_0`).',
    },
  ]);

  writeConfig({ SaveGame: uri('2-0-0') });
  const moved = planRelease(source(), baseline(), '@acme/tracking');
  expect(moved.bump).toBe('major');
  expect(moved.changes).toContainEqual({
    bump: 'major',
    reason:
      'Alias `SaveGame` moved to a new MODEL, from 1-0-2 to 2-0-0 of com.example_company/save-game: code written for 1-0-2 may not compile.',
  });
  // The changeset puts the major reason first and keeps the minor one.
  expect(moved.changeset).toMatch(
    /"@acme\/tracking": major\n[\s\S]*- major: Alias `SaveGame` moved to a new MODEL[\s\S]*- minor: New version 2-0-0/,
  );
});

test('a removed version is major; a changed description is patch; a changed published version is major', () => {
  copyVersion('1-0-1');
  writeSnapshotFile(join(plan, 'floe-release.json'), readTrackingPlan(source()));
  const previous = readSnapshotFile(join(plan, 'floe-release.json'));

  rmSync(join(schemasDir, SAVE_GAME, '1-0-1'));
  expect(compareTrackingPlans(previous, readTrackingPlan(source()))).toEqual([
    {
      bump: 'major',
      reason:
        'Removed com.example_company/save-game 1-0-1: `trackComExampleCompanySaveGame_1_0_1` and its other exports are gone.',
    },
  ]);

  copyVersion('1-0-1');
  const file = join(schemasDir, SAVE_GAME, '1-0-1');
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  schema.description = 'Reworded.';
  schema.properties.level.description = 'Reworded too.';
  writeFileSync(file, JSON.stringify(schema));
  expect(compareTrackingPlans(previous, readTrackingPlan(source()))).toEqual([
    { bump: 'patch', reason: 'Descriptions of com.example_company/save-game 1-0-1 changed.' },
  ]);

  schema.properties.level.maximum = 10;
  writeFileSync(file, JSON.stringify(schema));
  expect(compareTrackingPlans(previous, readTrackingPlan(source()))[0]!.bump).toBe('major');
});

test('specs: new is minor, description only is patch, new rules are major, removed is major', () => {
  const spec = {
    name: 'SaveGame',
    description: 'A save.',
    event: { schema: uri('1-0-0') },
    rules: [{ target: 'event', path: '/level', minimum: 1 }],
  };
  const withSpec = (value: object): TrackingPlanSnapshot => ({
    ...EMPTY_SNAPSHOT,
    specs: { SaveGame: value as never },
  });
  expect(compareTrackingPlans(EMPTY_SNAPSHOT, withSpec(spec))).toEqual([
    { bump: 'minor', reason: 'New event specification SaveGame (`trackSaveGame`).' },
  ]);
  expect(
    compareTrackingPlans(withSpec(spec), withSpec({ ...spec, description: 'Saved.' })),
  ).toEqual([{ bump: 'patch', reason: 'Description of event specification SaveGame changed.' }]);
  expect(compareTrackingPlans(withSpec(spec), withSpec({ ...spec, rules: [] }))[0]!.bump).toBe(
    'major',
  );
  expect(compareTrackingPlans(withSpec(spec), EMPTY_SNAPSHOT)[0]!.bump).toBe('major');

  // Specs are read from the plan's specs/ folder, and at a git ref too.
  mkdirSync(specsDir);
  writeFileSync(join(specsDir, 'save-game.json'), JSON.stringify(spec));
  const result = planRelease(
    source(),
    resolveReleaseBaseline(baselineOptions(), source()),
    '@acme/tracking',
  );
  expect(result.changes.map((c) => c.reason)).toEqual([
    'New event specification SaveGame (`trackSaveGame`).',
  ]);
  git(plan, 'add', '-A');
  git(plan, 'commit', '-q', '-m', 'spec');
  const atHead = resolveReleaseBaseline(baselineOptions({ since: 'HEAD' }), source());
  expect(Object.keys(atHead.snapshot.specs)).toEqual(['SaveGame']);
  expect(planRelease(source(), atHead, '@acme/tracking').bump).toBeUndefined();
});

test('no baseline, an unknown ref and a broken snapshot are clear errors', () => {
  const noTag = { defaultSnapshotFile: join(plan, 'floe-release.json'), defaultTag: 'nope@1.0.0' };
  expect(() => resolveReleaseBaseline(noTag, source())).toThrow(
    /no previous release to compare with: .*floe-release\.json and no git tag nope@1\.0\.0; pass --since <git ref> or --snapshot <file>/,
  );
  expect(() => resolveReleaseBaseline({ ...noTag, since: 'v9' }, source())).toThrow(
    /git ref "v9" is not known/,
  );
  writeFileSync(join(plan, 'broken.json'), '{"schemas": {}}');
  expect(() =>
    resolveReleaseBaseline({ ...noTag, snapshotFile: join(plan, 'broken.json') }, source()),
  ).toThrow(/not a tracking plan snapshot/);
});

test('the changeset goes to the nearest workspace root, else to the package; its name is fixed', () => {
  const root = join(temp.dir, 'sdk');
  const pkg = join(root, 'packages', 'acme-tracking');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"@acme/tracking"}');
  expect(findChangesetRoot(pkg)).toBe(pkg);
  writeFileSync(join(root, 'package.json'), '{"private":true,"workspaces":["packages/*"]}');
  expect(findChangesetRoot(pkg)).toBe(root);
  expect(changesetFileName('@acme/tracking')).toBe('floe-acme-tracking.md');
});
