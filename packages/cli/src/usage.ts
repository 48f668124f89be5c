/** Top-level help of the `floe` command. */
export const MAIN_USAGE = `Usage: floe <command> [options]

Commands:
  generate     generate typed builders from an Iglu schema folder
  lint         lint an Iglu schema folder (igluctl rules)
  collector    run the local Snowplow-compatible collector

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
