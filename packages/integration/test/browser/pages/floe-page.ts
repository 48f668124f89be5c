// Test page bundle: puts @floe/browser, @floe/core and @floe/events on `window.Floe`, so a test can
// drive a tracker from `page.evaluate` with the same code an app bundles.
import * as browser from '@floe/browser';
import * as core from '@floe/core';
import * as events from '@floe/events';

(globalThis as { Floe?: unknown }).Floe = { ...core, ...events, ...browser };
