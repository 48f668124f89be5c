import { type Browser, chromium } from 'playwright-core';

/**
 * The part of the DOM that page functions in these tests use. The test tsconfig has no DOM
 * library, so a page function casts: `(globalThis as unknown as PageGlobals).document`. (The
 * function's source is what runs in the page, so it cannot call a helper from this module.)
 */
export interface PageGlobals {
  readonly document: {
    querySelectorAll(selector: string): { readonly length: number };
    getElementById(id: string): { readonly textContent: string | null } | null;
  };
}

/**
 * Headless Debian Chromium with a fresh profile (launch() makes a temporary one each run).
 *
 * @param extraArgs - more command-line switches (for example `--host-resolver-rules=…`)
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.FLOE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
