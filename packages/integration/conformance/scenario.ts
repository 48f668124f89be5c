// The one conformance scenario (issue 17): every runtime runs exactly this, through a thin
// harness that only creates the tracker. It uses nothing but @floe/core and @floe/events, so it is
// the same code on Node, Bun, Deno, Chromium, workerd and edge-runtime. Every value is fixed, so
// two runtimes' payloads differ only in ids, timestamps, `tv`, `aid` and what the runtime knows of
// its subject.
import {
  type Tracker,
  trackPagePing,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';
import {
  createSaveGame,
  SAVE_GAME_URI,
  trackAddToCart,
  trackFormChange,
  trackFormSubmit,
  trackLinkClick,
  trackRemoveFromCart,
  trackScreenView,
  trackSiteSearch,
  trackTiming,
} from '@floe/events';

/** When the true-timestamp event "really happened": a fixed instant, so `ttm` is comparable. */
export const TRUE_TIMESTAMP = Date.UTC(2026, 0, 2, 3, 4, 5, 678);

/** Events the scenario sends that the collector must find good, and bad. */
export const EXPECTED = { good: 16, bad: 1 } as const;

/** What a harness prints after running the scenario. */
export interface ScenarioResult {
  readonly eids: string[];
  readonly flushed: { delivered: number; dropped: number; pending: number };
}

const page = 'https://conformance.example.com/shop';

/**
 * Tracks each first-class event, a self-describing event with entities, one with a true timestamp
 * and one deliberately invalid event, then flushes.
 */
export async function runScenario(tracker: Tracker): Promise<ScenarioResult> {
  const eids: string[] = [];
  const add = (ids: string | string[]) => eids.push(...(Array.isArray(ids) ? ids : [ids]));

  add(
    trackPageView(tracker, { pageUrl: page, pageTitle: 'Shop', referrer: 'https://example.com/' }),
  );
  add(
    trackPagePing(tracker, {
      pageUrl: page,
      minXOffset: 0,
      maxXOffset: 10,
      minYOffset: 0,
      maxYOffset: 840,
    }),
  );
  add(
    trackTransaction(tracker, {
      orderId: 'order-1',
      total: 35.5,
      tax: 3.5,
      shipping: 2,
      currency: 'EUR',
      items: [
        { sku: 'sled', name: 'Sled', category: 'outdoor', price: 20, quantity: 1 },
        { sku: 'gloves', name: 'Gloves', price: 10, quantity: 1 },
      ],
    }),
  );
  add(
    trackLinkClick(tracker, {
      targetUrl: 'https://conformance.example.com/next',
      elementId: 'next',
    }),
  );
  add(trackAddToCart(tracker, { sku: 'sled', quantity: 1, unitPrice: 20, currency: 'EUR' }));
  add(trackRemoveFromCart(tracker, { sku: 'sled', quantity: 1, unitPrice: 20, currency: 'EUR' }));
  add(
    trackFormChange(tracker, {
      formId: 'signup',
      elementId: 'email',
      nodeName: 'INPUT',
      type: 'email',
      value: 'a@example.com',
    }),
  );
  add(
    trackFormSubmit(tracker, {
      formId: 'signup',
      elements: [
        { name: 'email', value: 'a@example.com', nodeName: 'INPUT', type: 'email' },
        { name: 'password', value: null, nodeName: 'INPUT', type: 'password' },
      ],
    }),
  );
  add(
    trackSiteSearch(tracker, {
      terms: ['ice', 'skates'],
      filters: { size: '42' },
      totalResults: 3,
    }),
  );
  add(
    trackStructEvent(tracker, {
      category: 'shop',
      action: 'open',
      label: 'menu',
      property: 'top',
      value: 1.5,
    }),
  );
  add(trackScreenView(tracker, { name: 'checkout', id: '3d3f3a52-0f0b-4f5e-8c1e-6a0e6f4b9c11' }));
  add(trackTiming(tracker, { category: 'load', variable: 'ttfb', timing: 120 }));
  // With entities: a second save game as the entity the event is about. (Not web_page: a browser
  // adds its own, which belongs to its subject.)
  add(
    trackSelfDescribingEvent(tracker, createSaveGame({ save_id: 'slot-1', level: 3 }), {
      context: [createSaveGame({ save_id: 'slot-0', level: 2 })],
    }),
  );
  add(
    trackSelfDescribingEvent(tracker, createSaveGame({ save_id: 'slot-2', level: 4 }), {
      trueTimestamp: TRUE_TIMESTAMP,
    }),
  );
  // Deliberately invalid: `level` must be an integer. It is sent, and the collector must call it bad.
  add(
    trackSelfDescribingEvent(tracker, {
      schema: SAVE_GAME_URI,
      data: { save_id: 'slot-3', level: 'three' as unknown as number },
    }),
  );

  const flushed = await tracker.flush({ timeoutMs: 10_000 });
  return { eids, flushed };
}
