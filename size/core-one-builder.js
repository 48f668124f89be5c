// Size entry: core-minimal plus one generated @floe/events builder; budgeted as core-minimal + 0.4 kB.
import './core-minimal.js';
import { createEmitter, createTracker } from '@floe/core';
import { trackLinkClick } from '@floe/events';

const tracker = createTracker({
  namespace: 'size',
  platform: 'web',
  emitters: [createEmitter({ endpoint: 'https://collector.example.com' })],
});
trackLinkClick(tracker, { targetUrl: 'https://example.com/' });
