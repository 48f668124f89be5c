// Every event type of @floe/core and every builder of @floe/events, sent by a real Node tracker
// over HTTP, lands GOOD in the embedded collector. The tables are typed over the package's
// exports, so a new schema's builders do not compile here until they have sample data.
import { randomUUID } from 'node:crypto';
import {
  type SelfDescribingJson,
  type Tracker,
  trackPagePing,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';
import * as events from '@floe/events';
import { validators } from '@floe/events/validators';
import type { MicroGoodEvent } from '@floe/example-demo';
import { createNodeTracker } from '@floe/node';
import { microAll, microGood, microReset, startTestCollector, type TestCollector } from '../src';

type Events = typeof events;
type TrackName = Extract<keyof Events, `track${string}`>;
type CreateName = Extract<keyof Events, `create${string}`>;

const uuid = () => randomUUID();

// One valid sample per schema, typed by the generated data types.
const linkClick100: events.ComSnowplowanalyticsSnowplowLinkClick_1_0_0 = {
  targetUrl: 'https://integration.example.com/next',
  elementId: 'next',
  elementClasses: ['nav'],
  elementTarget: '_self',
};
const linkClick101: events.LinkClick = { ...linkClick100, elementContent: 'Next page' };
const cart: events.AddToCart = {
  sku: 'SKU-1',
  quantity: 2,
  name: 'Sled',
  category: 'outdoor',
  unitPrice: 129.5,
  currency: 'EUR',
};
const formChange: events.FormChange = {
  formId: 'signup',
  elementId: '',
  nodeName: 'INPUT',
  value: null,
  type: 'password',
  elementClasses: ['secret'],
};
const formSubmit: events.FormSubmit = {
  formId: 'signup',
  formClasses: ['wide'],
  elements: [
    { name: 'email', value: 'a@example.com', nodeName: 'INPUT', type: 'email' },
    { name: 'password', value: null, nodeName: 'INPUT' },
    { name: 'bio', value: 'hi', nodeName: 'TEXTAREA' },
  ],
};
const siteSearch: events.SiteSearch = {
  terms: ['ice', 'skates'],
  filters: { size: '42', inStock: true },
  totalResults: 0,
  pageResults: 0,
};
const timing: events.Timing = { category: 'load', variable: 'ttfb', timing: 0, label: 'cold' };
const legacyScreen: events.LegacyScreenViewInput = { name: 'home', id: 'screen-1' };
const mobileScreen: events.ComSnowplowanalyticsMobileScreenView_1_0_0 = {
  name: 'home',
  id: uuid(),
  type: 'feed',
  previousName: 'splash',
  previousId: uuid(),
  transitionType: 'push',
};
const session100: events.ComSnowplowanalyticsSnowplowClientSession_1_0_0 = {
  userId: uuid(),
  sessionId: uuid(),
  sessionIndex: 3,
  previousSessionId: null,
  storageMechanism: 'COOKIE_1',
};
const session101: events.ComSnowplowanalyticsSnowplowClientSession_1_0_1 = {
  ...session100,
  previousSessionId: uuid(),
  firstEventId: uuid(),
};
const session102: events.ClientSession = {
  ...session101,
  eventIndex: 7,
  firstEventTimestamp: '2026-01-02T03:04:05.678Z',
};
const webPage: events.ComSnowplowanalyticsSnowplowWebPage_1_0_0 = { id: uuid() };
const save100: events.ComExampleCompanySaveGame_1_0_0 = { save_id: 's-1', level: 0 };
const save101: events.ComExampleCompanySaveGame_1_0_1 = { ...save100, difficultyLevel: 'EASY' };
const save102: events.SaveGame = { ...save101, dl_content: false };
const cartEntity: events.ComExampleCompanyCart_1_0_0 = {
  cart_id: 'cart-1',
  item_count: 2,
  value: 40,
};
const product: events.ComExampleCompanyProduct_1_0_0 = {
  sku: 'sled',
  name: 'Sled',
  price: 20,
  quantity: 2,
};
const checkout: events.ComExampleCompanyCheckout_1_0_0 = {
  order_id: 'order-1',
  total: 40,
  currency: 'EUR',
  channel: 'web',
};

interface TrackCase {
  readonly uri: string;
  readonly track: (tracker: Tracker) => string;
}

// Every track function of @floe/events: the URI it must produce and a call with valid data.
const TRACK: Record<TrackName, TrackCase> = {
  trackLinkClick: {
    uri: events.LINK_CLICK_URI,
    track: (t) => events.trackLinkClick(t, linkClick101),
  },
  trackComSnowplowanalyticsSnowplowLinkClick_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_LINK_CLICK_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowLinkClick_1_0_0(t, linkClick100),
  },
  trackComSnowplowanalyticsSnowplowLinkClick_1_0_1: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_LINK_CLICK_1_0_1_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowLinkClick_1_0_1(t, linkClick101),
  },
  trackAddToCart: { uri: events.ADD_TO_CART_URI, track: (t) => events.trackAddToCart(t, cart) },
  trackComSnowplowanalyticsSnowplowAddToCart_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_ADD_TO_CART_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowAddToCart_1_0_0(t, cart),
  },
  trackRemoveFromCart: {
    uri: events.REMOVE_FROM_CART_URI,
    track: (t) => events.trackRemoveFromCart(t, { ...cart, quantity: 1 }),
  },
  trackComSnowplowanalyticsSnowplowRemoveFromCart_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_REMOVE_FROM_CART_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowRemoveFromCart_1_0_0(t, cart),
  },
  trackFormChange: {
    uri: events.FORM_CHANGE_URI,
    track: (t) => events.trackFormChange(t, formChange),
  },
  trackComSnowplowanalyticsSnowplowChangeForm_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_CHANGE_FORM_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowChangeForm_1_0_0(t, formChange),
  },
  trackFormSubmit: {
    uri: events.FORM_SUBMIT_URI,
    track: (t) => events.trackFormSubmit(t, formSubmit),
  },
  trackComSnowplowanalyticsSnowplowSubmitForm_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_SUBMIT_FORM_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowSubmitForm_1_0_0(t, { formId: 'empty' }),
  },
  trackSiteSearch: {
    uri: events.SITE_SEARCH_URI,
    track: (t) => events.trackSiteSearch(t, siteSearch),
  },
  trackComSnowplowanalyticsSnowplowSiteSearch_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_SITE_SEARCH_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowSiteSearch_1_0_0(t, { terms: ['x'] }),
  },
  trackTiming: { uri: events.TIMING_URI, track: (t) => events.trackTiming(t, timing) },
  trackComSnowplowanalyticsSnowplowTiming_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_TIMING_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowTiming_1_0_0(t, timing),
  },
  // The alias generates the UUID `id` the schema requires.
  trackScreenView: {
    uri: events.SCREEN_VIEW_URI,
    track: (t) => events.trackScreenView(t, { name: 'settings' }),
  },
  trackComSnowplowanalyticsMobileScreenView_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_MOBILE_SCREEN_VIEW_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsMobileScreenView_1_0_0(t, mobileScreen),
  },
  trackLegacyScreenView: {
    uri: events.LEGACY_SCREEN_VIEW_URI,
    track: (t) => events.trackLegacyScreenView(t, { name: 'home' }),
  },
  trackComSnowplowanalyticsSnowplowScreenView_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_SCREEN_VIEW_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowScreenView_1_0_0(t, legacyScreen),
  },
  trackComSnowplowanalyticsSnowplowClientSession_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_CLIENT_SESSION_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowClientSession_1_0_0(t, session100),
  },
  trackComSnowplowanalyticsSnowplowClientSession_1_0_1: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_CLIENT_SESSION_1_0_1_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowClientSession_1_0_1(t, session101),
  },
  trackComSnowplowanalyticsSnowplowClientSession_1_0_2: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_CLIENT_SESSION_1_0_2_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowClientSession_1_0_2(t, session102),
  },
  trackComSnowplowanalyticsSnowplowWebPage_1_0_0: {
    uri: events.COM_SNOWPLOWANALYTICS_SNOWPLOW_WEB_PAGE_1_0_0_URI,
    track: (t) => events.trackComSnowplowanalyticsSnowplowWebPage_1_0_0(t, webPage),
  },
  trackSaveGame: { uri: events.SAVE_GAME_URI, track: (t) => events.trackSaveGame(t, save102) },
  trackComExampleCompanySaveGame_1_0_0: {
    uri: events.COM_EXAMPLE_COMPANY_SAVE_GAME_1_0_0_URI,
    track: (t) => events.trackComExampleCompanySaveGame_1_0_0(t, save100),
  },
  trackComExampleCompanySaveGame_1_0_1: {
    uri: events.COM_EXAMPLE_COMPANY_SAVE_GAME_1_0_1_URI,
    track: (t) => events.trackComExampleCompanySaveGame_1_0_1(t, save101),
  },
  trackComExampleCompanyCart_1_0_0: {
    uri: events.COM_EXAMPLE_COMPANY_CART_1_0_0_URI,
    track: (t) => events.trackComExampleCompanyCart_1_0_0(t, cartEntity),
  },
  trackComExampleCompanyProduct_1_0_0: {
    uri: events.COM_EXAMPLE_COMPANY_PRODUCT_1_0_0_URI,
    track: (t) => events.trackComExampleCompanyProduct_1_0_0(t, product),
  },
  trackComExampleCompanyCheckout_1_0_0: {
    uri: events.COM_EXAMPLE_COMPANY_CHECKOUT_1_0_0_URI,
    track: (t) => events.trackComExampleCompanyCheckout_1_0_0(t, checkout),
  },
  // The spec functions: the event with the entities its spec requires.
  trackCheckout: {
    uri: events.COM_EXAMPLE_COMPANY_CHECKOUT_1_0_0_URI,
    track: (t) =>
      events.trackCheckout(
        t,
        { ...checkout, currency: 'EUR', channel: 'web' },
        { cart: cartEntity, product: [product] },
      ),
  },
  trackHardModeSave: {
    uri: events.COM_EXAMPLE_COMPANY_SAVE_GAME_1_0_2_URI,
    track: (t) =>
      events.trackHardModeSave(t, { save_id: 's-9', level: 12, difficultyLevel: 'HARD' }),
  },
  trackComExampleCompanySaveGame_1_0_2: {
    uri: events.COM_EXAMPLE_COMPANY_SAVE_GAME_1_0_2_URI,
    track: (t) => events.trackComExampleCompanySaveGame_1_0_2(t, save102),
  },
};

// Every builder of @floe/events, each attached as an entity (any schema can be one).
const CREATE: Record<CreateName, () => SelfDescribingJson<unknown>> = {
  createLinkClick: () => events.createLinkClick(linkClick101),
  createComSnowplowanalyticsSnowplowLinkClick_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowLinkClick_1_0_0(linkClick100),
  createComSnowplowanalyticsSnowplowLinkClick_1_0_1: () =>
    events.createComSnowplowanalyticsSnowplowLinkClick_1_0_1(linkClick101),
  createAddToCart: () => events.createAddToCart(cart),
  createComSnowplowanalyticsSnowplowAddToCart_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowAddToCart_1_0_0(cart),
  createRemoveFromCart: () => events.createRemoveFromCart(cart),
  createComSnowplowanalyticsSnowplowRemoveFromCart_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowRemoveFromCart_1_0_0(cart),
  createFormChange: () => events.createFormChange(formChange),
  createComSnowplowanalyticsSnowplowChangeForm_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowChangeForm_1_0_0(formChange),
  createFormSubmit: () => events.createFormSubmit(formSubmit),
  createComSnowplowanalyticsSnowplowSubmitForm_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowSubmitForm_1_0_0(formSubmit),
  createSiteSearch: () => events.createSiteSearch(siteSearch),
  createComSnowplowanalyticsSnowplowSiteSearch_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowSiteSearch_1_0_0(siteSearch),
  createTiming: () => events.createTiming(timing),
  createComSnowplowanalyticsSnowplowTiming_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowTiming_1_0_0(timing),
  createScreenView: () => events.createScreenView({ name: 'settings' }),
  createComSnowplowanalyticsMobileScreenView_1_0_0: () =>
    events.createComSnowplowanalyticsMobileScreenView_1_0_0(mobileScreen),
  createLegacyScreenView: () => events.createLegacyScreenView(legacyScreen),
  createComSnowplowanalyticsSnowplowScreenView_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowScreenView_1_0_0({ id: 'only-an-id' }),
  createClientSession: () => events.createClientSession(session102),
  createComSnowplowanalyticsSnowplowClientSession_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowClientSession_1_0_0(session100),
  createComSnowplowanalyticsSnowplowClientSession_1_0_1: () =>
    events.createComSnowplowanalyticsSnowplowClientSession_1_0_1(session101),
  createComSnowplowanalyticsSnowplowClientSession_1_0_2: () =>
    events.createComSnowplowanalyticsSnowplowClientSession_1_0_2(session102),
  createWebPage: () => events.createWebPage(webPage),
  createComSnowplowanalyticsSnowplowWebPage_1_0_0: () =>
    events.createComSnowplowanalyticsSnowplowWebPage_1_0_0(webPage),
  createSaveGame: () => events.createSaveGame(save102),
  createComExampleCompanySaveGame_1_0_0: () =>
    events.createComExampleCompanySaveGame_1_0_0(save100),
  createComExampleCompanySaveGame_1_0_1: () =>
    events.createComExampleCompanySaveGame_1_0_1(save101),
  createComExampleCompanyCart_1_0_0: () => events.createComExampleCompanyCart_1_0_0(cartEntity),
  createComExampleCompanyProduct_1_0_0: () => events.createComExampleCompanyProduct_1_0_0(product),
  createComExampleCompanyCheckout_1_0_0: () =>
    events.createComExampleCompanyCheckout_1_0_0(checkout),
  createComExampleCompanySaveGame_1_0_2: () =>
    events.createComExampleCompanySaveGame_1_0_2(save102),
};

let collector: TestCollector;

beforeAll(async () => {
  collector = await startTestCollector();
});
afterAll(() => collector.close());
beforeEach(() => microReset(collector.url));

/** A Node tracker on a memory queue whose opt-in validation throws on any violation. */
function strictTracker() {
  return createNodeTracker({
    endpoint: collector.url,
    namespace: 'integration',
    appId: 'every-event',
    queue: 'memory',
    exitHandlers: false,
    validate: { validators, onViolation: 'throw' },
  });
}

const byId = (good: readonly MicroGoodEvent[]) =>
  new Map(good.map((event) => [event.event.event_id as string, event]));

test('the tables cover every track and create export of @floe/events', () => {
  const exported = Object.keys(events).filter((name) => /^(track|create)[A-Z]/.test(name));
  expect(exported.sort()).toEqual([...Object.keys(TRACK), ...Object.keys(CREATE)].sort());
});

test('every @floe/core event type lands good, per schema', async () => {
  const tracker = strictTracker();
  const page = events.createWebPage({ id: uuid() });
  const pv = trackPageView(
    tracker,
    {
      pageUrl: 'https://integration.example.com/a?b=c#d',
      pageTitle: 'A',
      referrer: 'https://r.example/',
    },
    { context: [page], subject: { userId: 'user-1', language: 'en-GB' } },
  );
  const pp = trackPagePing(
    tracker,
    {
      pageUrl: 'https://integration.example.com/a',
      minXOffset: 0,
      maxXOffset: 0,
      minYOffset: 0,
      maxYOffset: 300,
    },
    { context: [page] },
  );
  const se = trackStructEvent(tracker, {
    category: 'c',
    action: 'a',
    label: 'l',
    property: 'p',
    value: 0,
  });
  const trueTimestamp = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
  const [tr, ...items] = trackTransaction(
    tracker,
    {
      orderId: 'o-1',
      total: 10.5,
      tax: 0,
      shipping: 1.25,
      city: 'Oslo',
      country: 'NO',
      currency: 'NOK',
      items: [
        { sku: 'a', price: 4.25, quantity: 1, name: 'A', category: 'x' },
        { sku: 'b', price: 5, quantity: 1 },
      ],
    },
    { trueTimestamp },
  );
  const ue = trackSelfDescribingEvent(tracker, {
    schema: 'iglu:com.example_company/save-game/jsonschema/1-0-1',
    data: { save_id: 'raw', level: 9, difficultyLevel: 'MEDIUM' },
  });
  expect(await tracker.flush()).toEqual({ delivered: 7, dropped: 0, pending: 0 });
  await tracker.shutdown();

  expect(await microAll(collector.url)).toEqual({ total: 7, good: 7, bad: 0 });
  const expectOne = async (filter: Parameters<typeof microGood>[1], eids: readonly string[]) => {
    const good = await microGood(collector.url, filter);
    expect(good.map((event) => event.event.event_id).sort()).toEqual([...eids].sort());
    return good;
  };
  const [pageView] = await expectOne({ event_type: 'page_view' }, [pv]);
  expect(pageView?.event).toMatchObject({
    page_url: 'https://integration.example.com/a?b=c#d',
    page_urlquery: 'b=c',
    page_title: 'A',
    user_id: 'user-1',
    br_lang: 'en-GB',
    platform: 'srv',
    app_id: 'every-event',
  });
  expect(pageView?.contexts).toEqual([events.WEB_PAGE_URI]);
  const [ping] = await expectOne(
    { schema: 'iglu:com.snowplowanalytics.snowplow/page_ping/jsonschema/1-0-0' },
    [pp],
  );
  expect(ping?.event).toMatchObject({ pp_xoffset_min: 0, pp_yoffset_max: 300 });
  const [struct] = await expectOne({ event_type: 'struct' }, [se]);
  expect(struct?.event).toMatchObject({ se_category: 'c', se_value: 0 });
  const [transaction] = await expectOne({ event_type: 'transaction' }, [tr!]);
  expect(transaction?.event).toMatchObject({
    tr_orderid: 'o-1',
    tr_total: 10.5,
    tr_currency: 'NOK',
  });
  const lines = await expectOne({ event_type: 'transaction_item' }, items);
  expect(lines.every((line) => line.event.ti_orderid === 'o-1')).toBe(true);
  expect(lines.every((line) => line.event.ti_currency === 'NOK')).toBe(true);
  // The true timestamp is on every event of the group, and only there.
  for (const event of [transaction, ...lines]) {
    expect(event?.event.true_tstamp).toBe(new Date(trueTimestamp).toISOString());
    expect(event?.event.derived_tstamp).toBe(new Date(trueTimestamp).toISOString());
  }
  expect(pageView?.event.true_tstamp).toBeNull();
  await expectOne({ schema: 'iglu:com.example_company/save-game/jsonschema/1-0-1' }, [ue]);
});

test('every track function of @floe/events lands good under the schema it names', async () => {
  const tracker = strictTracker();
  const sent = Object.entries(TRACK).map(([name, { uri, track }]) => ({
    name,
    uri,
    eid: track(tracker),
  }));
  expect(await tracker.flush()).toEqual({ delivered: sent.length, dropped: 0, pending: 0 });
  await tracker.shutdown();

  expect(await microAll(collector.url)).toEqual({ total: sent.length, good: sent.length, bad: 0 });
  const uris = [...new Set(sent.map((item) => item.uri))];
  for (const uri of uris) {
    const good = await microGood(collector.url, { schema: uri });
    const expected = sent.filter((item) => item.uri === uri).map((item) => item.eid);
    expect({ uri, eids: good.map((event) => event.event.event_id).sort() }).toEqual({
      uri,
      eids: [...expected].sort(),
    });
  }
  // The screen view alias generated a real UUID v4 for the `id` the schema requires.
  const screenEid = sent.find((item) => item.name === 'trackScreenView')?.eid;
  const screens = byId(await microGood(collector.url, { schema: events.SCREEN_VIEW_URI }));
  const unstruct = screens.get(screenEid ?? '')?.event.unstruct_event as {
    data: { data: { name: string; id: string } };
  };
  expect(unstruct.data.data.name).toBe('settings');
  expect(unstruct.data.data.id).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
});

test('every create function of @floe/events is a valid entity', async () => {
  const tracker = strictTracker();
  const sent = Object.entries(CREATE).map(([name, create]) => {
    const entity = create();
    const eid = trackStructEvent(
      tracker,
      { category: 'entity', action: name },
      { context: [entity] },
    );
    return { name, entity, eid };
  });
  expect(await tracker.flush()).toEqual({ delivered: sent.length, dropped: 0, pending: 0 });
  await tracker.shutdown();

  expect(await microAll(collector.url)).toEqual({ total: sent.length, good: sent.length, bad: 0 });
  const good = byId(await microGood(collector.url, { event_type: 'struct' }));
  for (const { name, entity, eid } of sent) {
    const event = good.get(eid);
    expect({ name, contexts: event?.contexts }).toEqual({ name, contexts: [entity.schema] });
    const stored = event?.event.contexts as { data: { schema: string; data: unknown }[] };
    expect(stored.data).toEqual([{ schema: entity.schema, data: entity.data }]);
  }
});
