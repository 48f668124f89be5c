import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';

/** The `repository` and `homepage` fields of a scaffolded package.json. */
export interface RepositoryFields {
  readonly repository: { type: 'git'; url: string; directory?: string };
  readonly homepage: string;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** `https://host/owner/repo` from an https, ssh or scp-like (`git@host:owner/repo.git`) URL. */
export function webUrl(url: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?\/?$/.exec(url);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const full = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(
    url,
  );
  return full ? `https://${full[1]}/${full[2]}` : undefined;
}

/**
 * The repository fields for a package in `packageDir`: from `--repository` when given, else from
 * the git remote `origin`. `directory` is the package's folder inside the git work tree, so
 * npm's page links to it. Returns `undefined` when neither is known.
 *
 * @param packageDir - the package's folder (it exists)
 * @param flag - the `--repository` value, if any
 */
export function sdkRepository(packageDir: string, flag?: string): RepositoryFields | undefined {
  const url = flag ?? git(packageDir, ['remote', 'get-url', 'origin']);
  const web = url === undefined ? undefined : webUrl(url);
  if (!web) return undefined;
  const top = git(packageDir, ['rev-parse', '--show-toplevel']);
  const directory =
    top === undefined
      ? undefined
      : relative(realpathSync(top), realpathSync(packageDir)).split(sep).join('/');
  return {
    repository: { type: 'git', url: `git+${web}.git`, ...(directory ? { directory } : {}) },
    homepage: directory ? `${web}/tree/main/${directory}#readme` : `${web}#readme`,
  };
}
