import { type Browser, chromium } from 'playwright-core';

/**
 * The Chromium the browser tests drive: `FLOE_CHROMIUM`, else Debian's package, which
 * `scripts/ensure-browser.mjs` installs for `npm test`.
 */
export const CHROMIUM_PATH = process.env.FLOE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium the way every Floe browser test does: no sandbox (tests run as
 * root), no GPU, and none of Chromium's own background traffic, which this machine's closed
 * network would refuse. Each launch gets a fresh temporary profile.
 *
 * @param extraArgs - more switches, e.g. `--host-resolver-rules=…` for a rebinding test.
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
