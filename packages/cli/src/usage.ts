/** Top-level help of the `floe` command. */
export const MAIN_USAGE = `Usage: floe <command> [options]

Commands:
  generate     generate typed builders from an Iglu schema folder
  lint         lint an Iglu schema folder (igluctl rules)
  collector    run the local Snowplow-compatible collector
  init         scaffold your organisation's SDK package from a tracking plan
  release-plan write the changeset (semver bump and reasons) for the plan's changes
  docs         write the browsable HTML catalogue of the tracking plan

Options:
  -h, --help       show help (also: floe <command> --help)
  -v, --version    print the version
`;

/** Help of `floe generate`. */
export const GENERATE_USAGE = `Usage: floe generate [options]

Generates one TypeScript module per Iglu schema, indexes, aliases and precompiled validators.
Runs that take over a second show progress on stderr.

Options:
  --schemas <dir>   registry folder (default: config "schemas", else schemas)
  --out <dir>       output folder (default: config "out", else src/generated)
  --config <file>   config file (default: floe.config.json when present)
  --check           write nothing; exit 1 listing changed, missing and orphaned files
  --watch           regenerate changed schemas until interrupted
  --external        report consistency findings as warnings (a corpus you do not own)
  -h, --help        show this help
`;

/** Help of `floe lint`. */
export const LINT_USAGE = `Usage: floe lint [options]

Lints an Iglu schema folder: layout, consistency (InitMissing, Gaps) and igluctl's 18 checks.
Exits 0 on warnings and info, 1 on errors; --strict fails on any finding.

Options:
  --schemas <dir>        registry folder (default: config "schemas", else schemas)
  --config <file>        config file (default: floe.config.json when present)
  --strict               fail on any finding
  --level <level>        lowest level shown: info, warn or error (default warn; info with
                         --strict); the summary still counts every finding
  --skip-checks <list>   comma-separated non-Error checks to skip (e.g. description,optionalNull)
  --external             report consistency findings as warnings (a corpus you do not own)
  -h, --help             show this help
`;

/** Help of `floe init`. */
export const INIT_USAGE = `Usage: floe init <dir> --name <package> [options]

Scaffolds an SDK package for your tracking plan in <dir> (a new or empty folder): package.json
(ESM + CJS + types, sideEffects false, @floe/core as a peer), floe.config.json, a tsup build,
the /validators entry, a test that imports every builder, LICENSE, a README with the catalogue,
and a changesets setup at the workspace root (else in the package) unless one exists.

Options:
  --name <package>       npm package name, e.g. @acme/tracking (required)
  --schemas <dir>        the plan's schema folder (default: schemas); specs/ beside it
  --repository <url>     git repository for package.json (default: the git remote origin)
  --license <id>         MIT (default) or Apache-2.0
  --author <text>        copyright holder in LICENSE (default: The <package> authors)
  -h, --help             show this help
`;

/** Help of `floe release-plan`. */
export const RELEASE_PLAN_USAGE = `Usage: floe release-plan [options]

Compares the tracking plan (schemas, specs, aliases) with the last release and writes a
changeset with the semver bump the SDK package needs, stating each reason: minor for a new
schema or version, major for a removed version or an alias moved to a new MODEL, patch for
descriptions. Run it in the SDK package, beside its floe.config.json and package.json.
The last release is, first match wins: --since, --snapshot, floe-release.json (written by
--record), the git tag <package>@<version>.

Options:
  --since <ref>          compare with the plan at this git ref (tag, branch, commit)
  --snapshot <file>      compare with this snapshot (default file: floe-release.json)
  --record               write the snapshot of the plan now (run it when you release)
  --dry-run              print the plan, write nothing
  --schemas <dir>        registry folder (default: config "schemas", else schemas)
  --specs <dir>          specs folder (default: config "specs", else specs/ beside schemas)
  --config <file>        config file (default: floe.config.json when present)
  -h, --help             show this help
`;

/** Help of `floe docs`. */
export const DOCS_USAGE = `Usage: floe docs [options]

Writes the tracking plan's catalogue: a static, searchable HTML page (index.html, with
catalogue.js and catalogue.css beside it; no inline script) listing every spec and every
schema version with its fields, types, constraints, descriptions, generated functions and a
copy-paste example. Entries are anchored by Iglu URI (index.html#iglu:...).

Options:
  --out <dir>            output folder (default: catalogue)
  --readme <file>        also refresh the catalogue section of this README
  --schemas <dir>        registry folder (default: config "schemas", else schemas)
  --specs <dir>          specs folder (default: config "specs", else specs/ beside schemas)
  --config <file>        config file (default: floe.config.json when present)
  --title <text>         page title (default: the package.json name)
  --import-from <module> module the examples import (default: the package.json name)
  -h, --help             show this help
`;
