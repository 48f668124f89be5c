// Compile-time checks of the generated types, run by `tsc -p tsconfig.test.json` (not by jest).
// Every `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused.
import type { SelfDescribingJson, Tracker } from '@floe/core';
import {
  type CLIENT_SESSION_URI,
  type ClientSession,
  type COM_SNOWPLOWANALYTICS_SNOWPLOW_LINK_CLICK_1_0_0_URI,
  createClientSession,
  createComSnowplowanalyticsSnowplowLinkClick_1_0_0,
  createFormChange,
  createLegacyScreenView,
  createLinkClick,
  createSaveGame,
  createWebPage,
  type FormChange,
  trackCheckout,
  trackFormSubmit,
  trackHardModeSave,
  trackLinkClick,
  trackScreenView,
  trackSiteSearch,
  WEB_PAGE_URI,
  type WebPage,
} from '@floe/events';

declare const tracker: Tracker;

// Good data compiles.
trackLinkClick(tracker, { targetUrl: 'https://floe.dev', elementClasses: ['cta'] });
trackScreenView(tracker, { name: 'home' }); // id generated
trackFormSubmit(tracker, {
  formId: 'f',
  elements: [{ name: 'n', value: null, nodeName: 'INPUT' }],
});
trackSiteSearch(tracker, { terms: ['floe'], filters: { exact: true, lang: 'en' } });
createFormChange({ formId: 'f', elementId: '', nodeName: 'SELECT', value: null, type: 'text' });

// A misspelt key on a closed schema.
// @ts-expect-error targetURL is not a property of link_click 1-0-1
createLinkClick({ targetURL: 'https://floe.dev' });
// @ts-expect-error savedId is not a property of save-game 1-0-2
createSaveGame({ save_id: 's', level: 1, savedId: 's' });

// A wrong type.
// @ts-expect-error targetUrl is a string
trackLinkClick(tracker, { targetUrl: 42 });
// @ts-expect-error difficultyLevel is one of EASY, MEDIUM, HARD
createSaveGame({ save_id: 's', level: 1, difficultyLevel: 'easy' });
// @ts-expect-error filters values are strings or booleans
trackSiteSearch(tracker, { terms: ['floe'], filters: { page: 2 } });

// A missing required property.
// @ts-expect-error targetUrl is required
createLinkClick({ elementId: 'a' });
// @ts-expect-error value is required even when null
createFormChange({ formId: 'f', elementId: 'e', nodeName: 'INPUT' });
// @ts-expect-error the legacy screen view needs a name in Floe
createLegacyScreenView({ id: 'x' });

// null where the enum lacks null (change_form.type is ["string","null"] with a null-less enum).
// @ts-expect-error type: null fails the enum; omit it instead
createFormChange({ formId: 'f', elementId: 'e', nodeName: 'INPUT', value: null, type: null });
// @ts-expect-error elementId is not nullable
createFormChange({ formId: 'f', elementId: null, nodeName: 'INPUT', value: null });

// The builders tie URI and data together, so an entity array typed per entity rejects a pairing
// of one schema's URI with another's data.
type Entity =
  | SelfDescribingJson<WebPage, typeof WEB_PAGE_URI>
  | SelfDescribingJson<ClientSession, typeof CLIENT_SESSION_URI>;
const session: ClientSession = {
  userId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  sessionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  sessionIndex: 1,
  previousSessionId: null,
  storageMechanism: 'COOKIE_1',
};
export const entities: Entity[] = [
  createWebPage({ id: '2b1c6f7e-4c0a-4b8e-9a53-0d6c5e1f2a3b' }),
  createClientSession(session),
  // @ts-expect-error web_page's URI with client_session's data
  { schema: WEB_PAGE_URI, data: session },
];
trackLinkClick(tracker, { targetUrl: 'https://floe.dev' }, { context: entities });

// A builder's result carries its exact URI type.
const v100: SelfDescribingJson<
  unknown,
  typeof COM_SNOWPLOWANALYTICS_SNOWPLOW_LINK_CLICK_1_0_0_URI
> = createComSnowplowanalyticsSnowplowLinkClick_1_0_0({ targetUrl: 'x' });
// @ts-expect-error a 1-0-1 builder result is not a 1-0-0 self-describing JSON
export const wrongVersion: typeof v100 = createLinkClick({ targetUrl: 'x' });

// A form change is not a link click.
declare const change: FormChange;
// @ts-expect-error change_form data is not link_click data
createLinkClick(change);

// Event specifications (specs/): wrong entities and counts, and values the rules exclude, do not
// compile.
const checkout = { order_id: 'o-1', total: 20, currency: 'EUR', channel: 'web' } as const;
const cart = { cart_id: 'c-1', item_count: 2 };
const product = { sku: 'sku-1', price: 10, quantity: 2 };
trackCheckout(tracker, checkout, { cart, product: [product, product] });
// @ts-expect-error missing cart
trackCheckout(tracker, checkout, { product: [product] });
// @ts-expect-error two carts
trackCheckout(tracker, checkout, { cart: [cart, cart], product: [product] });
// @ts-expect-error zero products
trackCheckout(tracker, checkout, { cart, product: [] });
// @ts-expect-error a wrong entity type
trackCheckout(tracker, checkout, { cart: session, product: [product] });
// @ts-expect-error currency outside the spec's enum
trackCheckout(tracker, { ...checkout, currency: 'JPY' }, { cart, product: [product] });
// @ts-expect-error channel is the literal "web"
trackCheckout(tracker, { ...checkout, channel: 'store' }, { cart, product: [product] });
trackHardModeSave(tracker, { save_id: 's', level: 10, difficultyLevel: 'HARD' });
// @ts-expect-error difficultyLevel is the literal "HARD"
trackHardModeSave(tracker, { save_id: 's', level: 10, difficultyLevel: 'EASY' });
