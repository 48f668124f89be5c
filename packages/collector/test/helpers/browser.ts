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

/** Headless Debian Chromium with a fresh profile, as every Floe browser test launches it. */
export { launchChromium } from '@floe/test-utils';
