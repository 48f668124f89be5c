import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CliIo } from './cli-io';
import { CliUsageError } from './cli-usage-error';
import { defineCommand } from './command';
import { resolvePlanSetup } from './resolve-plan-setup';
import { RELEASE_PLAN_USAGE } from './usage';

const flags = {
  since: { type: 'string' },
  snapshot: { type: 'string' },
  record: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  schemas: { type: 'string' },
  specs: { type: 'string' },
  config: { type: 'string' },
} as const;

/**
 * `floe release-plan [--since ref | --snapshot file] [--record] [--dry-run] [--schemas dir]
 * [--specs dir] [--config file]`: compares the tracking plan with the last release and writes
 * the changeset with the bump the SDK needs (each reason stated), or with `--record` writes the
 * snapshot of the plan as released. Exits 0; 1 when the plan or the last release cannot be
 * read; 2 for bad arguments.
 */
export const releasePlanCommand = defineCommand({
  usage: RELEASE_PLAN_USAGE,
  flags,
  async run(values, io: CliIo) {
    if (values.record && (values.since !== undefined || values['dry-run'])) {
      throw new CliUsageError(
        'usage',
        '--record writes the snapshot; it takes no --since or --dry-run',
      );
    }
    const setup = await resolvePlanSetup(values, io.cwd);
    const codegen = await import('@floe/codegen');
    const show = (file: string) => relative(io.cwd, file) || file;
    const snapshotFile = values.snapshot
      ? resolve(io.cwd, values.snapshot)
      : join(setup.rootDir, codegen.SNAPSHOT_FILE);
    const source = {
      schemasDir: setup.schemasDir,
      specsDir: setup.specsDir,
      config: setup.config,
      ...(setup.configFile ? { configFile: setup.configFile } : {}),
    };
    if (values.record) {
      codegen.writeSnapshotFile(snapshotFile, codegen.readTrackingPlan(source));
      io.stdout.write(`floe release-plan: recorded the tracking plan in ${show(snapshotFile)}\n`);
      return 0;
    }
    const name = setup.packageJson?.name;
    if (!name) {
      throw new CliUsageError(
        'usage',
        `no package.json with a name in ${show(setup.rootDir) || '.'}; run it in the SDK package (beside its floe.config.json)`,
      );
    }
    const baseline = codegen.resolveReleaseBaseline(
      {
        ...(values.since !== undefined ? { since: values.since } : {}),
        ...(values.snapshot !== undefined ? { snapshotFile } : {}),
        defaultSnapshotFile: join(setup.rootDir, codegen.SNAPSHOT_FILE),
        ...(setup.packageJson?.version
          ? { defaultTag: `${name}@${setup.packageJson.version}` }
          : {}),
        snapshotLabel: show,
      },
      source,
    );
    const plan = codegen.planRelease(source, baseline, name);
    const changesetDir = join(codegen.findChangesetRoot(setup.rootDir), '.changeset');
    const changesetFile = join(changesetDir, codegen.changesetFileName(name));
    if (!plan.bump || !plan.changeset) {
      let text = `floe release-plan: no changes to ${name}'s tracking plan since ${baseline.label}; no release needed\n`;
      if (!values['dry-run'] && existsSync(changesetFile)) {
        rmSync(changesetFile);
        text += `removed ${show(changesetFile)}, which planned changes that are gone\n`;
      }
      io.stdout.write(text);
      return 0;
    }
    let text = `floe release-plan: ${plan.bump} release of ${name} since ${baseline.label}\n`;
    for (const change of plan.changes) text += `  ${change.bump}: ${change.reason}\n`;
    if (values['dry-run']) {
      io.stdout.write(`${text}--dry-run: nothing written\n`);
      return 0;
    }
    if (!existsSync(join(changesetDir, 'config.json'))) {
      throw new CliUsageError(
        'usage',
        `no changesets setup in ${show(changesetDir)}; run \`npx changeset init\` there (floe init sets one up)`,
      );
    }
    mkdirSync(changesetDir, { recursive: true });
    writeFileSync(changesetFile, plan.changeset);
    io.stdout.write(`${text}wrote ${show(changesetFile)}\n`);
    return 0;
  },
});
