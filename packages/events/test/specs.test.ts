import {
  createComExampleCompanyCart_1_0_0,
  createComExampleCompanyCheckout_1_0_0,
  createComExampleCompanyProduct_1_0_0,
  createWebPage,
  trackCheckout,
  trackHardModeSave,
} from '@floe/events';
import { specValidators } from '@floe/events/validators';
import { createRecordingTracker } from './recording-tracker';

const checkout = { order_id: 'o-1', total: 20, currency: 'EUR', channel: 'web' } as const;
const cart = { cart_id: 'c-1', item_count: 2 };
const product = (quantity: number) => ({ sku: 'sku-1', price: 10, quantity });

describe('event specifications', () => {
  it('trackCheckout sends the event with its entities first, then the caller context', () => {
    const tracker = createRecordingTracker();
    const page = createWebPage({ id: '2b1c6f7e-4c0a-4b8e-9a53-0d6c5e1f2a3b' });
    const id = trackCheckout(
      tracker,
      checkout,
      { cart, product: [product(1), product(2)] },
      { context: [page], trueTimestamp: 7 },
    );
    expect(id).toBe('event-1');
    const [call] = tracker.calls;
    expect(call!.events[0]!.selfDescribing).toEqual(
      createComExampleCompanyCheckout_1_0_0(checkout),
    );
    expect(call!.options).toEqual({
      trueTimestamp: 7,
      context: [
        createComExampleCompanyCart_1_0_0(cart),
        createComExampleCompanyProduct_1_0_0(product(1)),
        createComExampleCompanyProduct_1_0_0(product(2)),
        page,
      ],
    });
  });

  it('never throws, even when JavaScript callers pass nonsense', () => {
    const tracker = createRecordingTracker();
    const untyped = trackCheckout as unknown as (...args: unknown[]) => string;
    expect(untyped(tracker, checkout)).toBe('event-1');
    expect(untyped(tracker, checkout, { cart: null, product: 'x' })).toBe('event-2');
    expect(tracker.calls[0]!.options!.context).toEqual([]);
    expect(trackHardModeSave(tracker, { save_id: 's', level: 10, difficultyLevel: 'HARD' })).toBe(
      'event-3',
    );
  });

  it('the spec validators check counts and rules at run time', () => {
    const tracker = createRecordingTracker();
    trackCheckout(tracker, checkout, { cart, product: [product(1)] });
    const sent = () => {
      const call = tracker.calls.at(-1)!;
      return [call.events[0]!.selfDescribing!, call.options!.context!] as const;
    };
    expect(specValidators.Checkout(...sent())).toEqual([]);
    // What the types stop, a JavaScript caller or a cast can still send: the validators catch it.
    const loose = trackCheckout as unknown as (...args: unknown[]) => string;
    loose(tracker, { ...checkout, currency: 'GBP' }, { cart: [cart, cart], product: [product(0)] });
    expect(specValidators.Checkout(...sent()).map((issue) => issue.message)).toEqual([
      'expected exactly 1 of entity iglu:com.example_company/cart/jsonschema/1-0-0, found 2',
      'event: /currency must be one of "EUR", "USD", found "GBP"',
      'entity iglu:com.example_company/product/jsonschema/1-0-0: /quantity must be at least 1, found 0',
    ]);
    expect(
      specValidators
        .HardModeSave(
          {
            schema: 'iglu:com.example_company/save-game/jsonschema/1-0-2',
            data: { save_id: 's', level: 3 },
          },
          [],
        )
        .map((issue) => issue.path),
    ).toEqual(['/difficultyLevel', '/level']);
  });
});
