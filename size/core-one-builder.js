// Size entry: core-minimal plus one generated @floe/events builder; budgeted as core-minimal + 0.4 kB.
import './core-minimal.js';
import { trackLinkClick } from '@floe/events';
import { createTracker, createEmitter } from '@floe/core';

const tracker = createTracker({
  namespace: 'size',
  platform: 'web',
  emitters: [createEmitter({ endpoint: 'https://collector.example.com' })],
});
trackLinkClick(tracker, { targetUrl: 'https://example.com/' });
