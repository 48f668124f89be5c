import {
  COM_SNOWPLOWANALYTICS_SNOWPLOW_LINK_CLICK_1_0_0_URI,
  createComSnowplowanalyticsSnowplowLinkClick_1_0_0,
  createLinkClick,
  createScreenView,
  createWebPage,
  LINK_CLICK_URI,
  SCREEN_VIEW_URI,
  trackComExampleCompanySaveGame_1_0_2,
  trackLegacyScreenView,
  trackLinkClick,
  trackScreenView,
} from '@floe/events';
import { createRecordingTracker } from './recording-tracker';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('generated builders', () => {
  it('pair each builder with its exact Iglu URI', () => {
    expect(createLinkClick({ targetUrl: 'https://floe.dev' })).toEqual({
      schema: 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1',
      data: { targetUrl: 'https://floe.dev' },
    });
    expect(LINK_CLICK_URI).toBe('iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1');
    expect(createComSnowplowanalyticsSnowplowLinkClick_1_0_0({ targetUrl: 'x' }).schema).toBe(
      'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-0',
    );
    expect(COM_SNOWPLOWANALYTICS_SNOWPLOW_LINK_CLICK_1_0_0_URI).toBe(
      'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-0',
    );
    expect(createWebPage({ id: '2b1c6f7e-4c0a-4b8e-9a53-0d6c5e1f2a3b' }).schema).toBe(
      'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
    );
  });

  it('never mutate or copy the caller data', () => {
    const data = { targetUrl: 'https://floe.dev', elementClasses: ['a'] };
    const sdj = createLinkClick(data);
    expect(sdj.data).toBe(data);
    expect(data).toEqual({ targetUrl: 'https://floe.dev', elementClasses: ['a'] });
  });

  it('track through trackSelfDescribingEvent with the options unchanged', () => {
    const tracker = createRecordingTracker();
    const context = [createWebPage({ id: '2b1c6f7e-4c0a-4b8e-9a53-0d6c5e1f2a3b' })];
    const id = trackLinkClick(
      tracker,
      { targetUrl: 'https://floe.dev' },
      { context, trueTimestamp: 5 },
    );
    expect(id).toBe('event-1');
    expect(tracker.calls).toEqual([
      {
        events: [{ e: 'ue', selfDescribing: createLinkClick({ targetUrl: 'https://floe.dev' }) }],
        options: { context, trueTimestamp: 5 },
      },
    ]);
    trackComExampleCompanySaveGame_1_0_2(tracker, { save_id: 's-1', level: 3, dl_content: true });
    expect(tracker.calls[1]!.events[0]!.selfDescribing).toEqual({
      schema: 'iglu:com.example_company/save-game/jsonschema/1-0-2',
      data: { save_id: 's-1', level: 3, dl_content: true },
    });
  });

  it('trackScreenView fills a missing id with a UUID v4 and keeps a given one', () => {
    const tracker = createRecordingTracker();
    trackScreenView(tracker, { name: 'home' });
    trackScreenView(tracker, { name: 'home' });
    const [first, second] = tracker.calls.map((call) => call.events[0]!.selfDescribing!);
    expect(first!.schema).toBe('iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0');
    const firstId = (first!.data as { id: string }).id;
    expect(firstId).toMatch(UUID_V4);
    expect((second!.data as { id: string }).id).not.toBe(firstId);
    const given = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(createScreenView({ name: 'cart', id: given })).toEqual({
      schema: SCREEN_VIEW_URI,
      data: { name: 'cart', id: given },
    });
  });

  it('falls back to getRandomValues where randomUUID is missing (plain-HTTP pages)', () => {
    // Node 20's global Web Crypto object (not in this package's type declarations).
    const { crypto } = globalThis as unknown as { crypto: { randomUUID?: () => string } };
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const ids = new Set(
        Array.from({ length: 50 }, () => createScreenView({ name: 'x' }).data.id),
      );
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(UUID_V4);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', {
        value: original,
        configurable: true,
      });
    }
  });

  it('trackLegacyScreenView sends the web trackers schema', () => {
    const tracker = createRecordingTracker();
    trackLegacyScreenView(tracker, { name: 'home' });
    expect(tracker.calls[0]!.events[0]!.selfDescribing).toEqual({
      schema: 'iglu:com.snowplowanalytics.snowplow/screen_view/jsonschema/1-0-0',
      data: { name: 'home' },
    });
  });
});
