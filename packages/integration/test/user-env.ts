/**
 * The environment of a user's shell: the jest run's own npm settings (`npm_*`, set when `npm test`
 * started it) removed, so npm inside the test acts as it would in a terminal, and npm told to stay
 * offline, so anything the npm cache cannot answer fails instead of downloading.
 *
 * @param extra - variables to add, e.g. `COLLECTOR_URL`
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_|^INIT_CWD$/i.test(key)) env[key] = value;
  }
  return { ...env, npm_config_offline: 'true', npm_config_update_notifier: 'false', ...extra };
}
