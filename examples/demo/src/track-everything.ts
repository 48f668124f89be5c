import { randomUUID } from 'node:crypto';
import {
  type Tracker,
  trackPagePing,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';
import {
  type ComExampleCompanySaveGame_1_0_0,
  createClientSession,
  createWebPage,
  trackAddToCart,
  trackComExampleCompanySaveGame_1_0_0,
  trackComExampleCompanySaveGame_1_0_1,
  trackFormChange,
  trackFormSubmit,
  trackLegacyScreenView,
  trackLinkClick,
  trackRemoveFromCart,
  trackSaveGame,
  trackScreenView,
  trackSiteSearch,
  trackTiming,
} from '@floe/events';

/** One track call of the demo and the event ids it returned. */
export interface TrackedEvent {
  readonly name: string;
  readonly eids: readonly string[];
}

/** Everything {@link trackEverything} tracked. */
export interface DemoTracking {
  readonly tracked: readonly TrackedEvent[];
  /** The id of the save-game event that breaks its schema on purpose. */
  readonly invalidEventId: string;
}

/**
 * Tracks one of every event type Floe knows: the protocol's built-in events from `@floe/core`,
 * the Snowplow events generated into `@floe/events`, and the example `save-game` schema in three
 * versions, plus one event that is invalid on purpose. Track calls never throw and return ids.
 *
 * @param tracker - any Floe tracker (the demo uses `createNodeTracker`).
 * @example
 * const { tracked } = trackEverything(createNodeTracker({ endpoint, namespace: 'demo' }));
 */
export function trackEverything(tracker: Tracker): DemoTracking {
  const tracked: TrackedEvent[] = [];
  const record = (name: string, ids: string | readonly string[]) => {
    tracked.push({ name, eids: typeof ids === 'string' ? [ids] : ids });
  };
  const pageUrl = 'https://shop.example.com/games/floe-quest';
  // Entities are self-describing JSON attached to an event; the builders type their data.
  const webPage = createWebPage({ id: randomUUID() });
  const session = createClientSession({
    userId: randomUUID(),
    sessionId: randomUUID(),
    sessionIndex: 1,
    storageMechanism: 'SQLITE',
  });

  // Built-in protocol events, from @floe/core.
  record(
    'page view',
    trackPageView(
      tracker,
      { pageUrl, pageTitle: 'Floe Quest', referrer: 'https://search.example.org/?q=floe' },
      { context: [webPage, session] },
    ),
  );
  record(
    'page ping',
    trackPagePing(
      tracker,
      { pageUrl, minXOffset: 0, maxXOffset: 0, minYOffset: 0, maxYOffset: 1240 },
      { context: [webPage] },
    ),
  );
  record(
    'structured event',
    trackStructEvent(tracker, { category: 'video', action: 'play', label: 'trailer', value: 1.5 }),
  );
  record(
    'transaction + 2 items',
    trackTransaction(tracker, {
      orderId: 'order-1042',
      total: 64.97,
      tax: 5.2,
      shipping: 4.99,
      currency: 'EUR',
      items: [
        { sku: 'FQ-STD', name: 'Floe Quest', category: 'games', price: 49.99, quantity: 1 },
        { sku: 'FQ-DLC1', name: 'Frozen Isles DLC', category: 'dlc', price: 9.99, quantity: 1 },
      ],
    }),
  );
  // A hand-written self-describing event: any schema the collector can resolve.
  record(
    'self-describing (hand-written)',
    trackSelfDescribingEvent(tracker, {
      schema: 'iglu:com.snowplowanalytics.snowplow/timing/jsonschema/1-0-0',
      data: { category: 'assets', variable: 'textures', timing: 812 },
    }),
  );

  // Snowplow-defined events, generated into @floe/events from their schemas.
  record(
    'link click',
    trackLinkClick(tracker, {
      targetUrl: 'https://shop.example.com/games/floe-quest/reviews',
      elementId: 'reviews-link',
      elementClasses: ['nav', 'nav-reviews'],
      elementContent: 'Reviews',
    }),
  );
  const cartItem = { sku: 'FQ-STD', name: 'Floe Quest', unitPrice: 49.99, currency: 'EUR' };
  record('add to cart', trackAddToCart(tracker, { ...cartItem, quantity: 2 }));
  record('remove from cart', trackRemoveFromCart(tracker, { ...cartItem, quantity: 1 }));
  record(
    'form change',
    trackFormChange(tracker, {
      formId: 'newsletter',
      elementId: 'email',
      nodeName: 'INPUT',
      type: 'email',
      value: 'player@example.com',
    }),
  );
  record(
    'form submit',
    trackFormSubmit(tracker, {
      formId: 'newsletter',
      elements: [{ name: 'email', nodeName: 'INPUT', type: 'email', value: 'player@example.com' }],
    }),
  );
  record(
    'site search',
    trackSiteSearch(tracker, {
      terms: ['ice', 'puzzle'],
      filters: { platform: 'pc', onSale: true },
      totalResults: 14,
      pageResults: 10,
    }),
  );
  record(
    'timing',
    trackTiming(tracker, {
      category: 'load',
      variable: 'first-level',
      timing: 1830,
      label: 'cold',
    }),
  );
  // The mobile screen view gets a UUID id when none is given.
  record(
    'screen view (mobile)',
    trackScreenView(tracker, { name: 'level-select', type: 'menu' }, { context: [session] }),
  );
  record('screen view (legacy)', trackLegacyScreenView(tracker, { name: 'level-select' }));

  // Your own schema, in three versions side by side (schemas/com.example_company/save-game).
  // Versioned names never change; `trackSaveGame` is the short alias floe.config.json pins to 1-0-2.
  record('save-game 1-0-0', trackComExampleCompanySaveGame_1_0_0(tracker, save(3)));
  record(
    'save-game 1-0-1',
    trackComExampleCompanySaveGame_1_0_1(tracker, { ...save(4), difficultyLevel: 'HARD' }),
  );
  record(
    'save-game 1-0-2',
    trackSaveGame(tracker, { ...save(5), difficultyLevel: 'MEDIUM', dl_content: true }),
  );
  // A replayed event: it happened an hour ago, so it carries a true timestamp (`ttm`).
  record(
    'save-game 1-0-0 (replayed, true timestamp)',
    trackComExampleCompanySaveGame_1_0_0(tracker, save(2), {
      trueTimestamp: Date.now() - 60 * 60 * 1000,
    }),
  );

  // Deliberately invalid: `level` must be an integer. The cast defeats the type check on purpose,
  // so that the collector's validation has something to catch; without it this does not compile.
  const broken = {
    save_id: 'slot-9',
    level: 'seven',
  } as unknown as ComExampleCompanySaveGame_1_0_0;
  const invalidEventId = trackComExampleCompanySaveGame_1_0_0(tracker, broken);
  record('save-game 1-0-0 (invalid on purpose)', invalidEventId);

  return { tracked, invalidEventId };
}

function save(level: number): ComExampleCompanySaveGame_1_0_0 {
  return { save_id: `slot-${level}`, level };
}
