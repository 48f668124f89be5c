import { createHash } from 'node:crypto';
import type { GoodEvent } from '@floe/collector';
import type { Page } from 'playwright-core';
import { version } from '../../../browser/package.json';
import {
  type BrowserEnv,
  badRows,
  createTrackerScript,
  describeInChromium,
  goodOf,
  startBrowserEnv,
  waitFor,
} from './helpers/browser-env';

jest.setTimeout(60_000);

const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';
const CLIENT_SESSION = 'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2';
// Snowplow's cookie hash: SHA-1 of the cookie domain (the page's host) + the cookie path.
const HASH = createHash('sha1').update('127.0.0.1/').digest('hex').slice(0, 4);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

/** Opens the test page in a fresh context and creates a tracker there. */
async function openTracker(appId: string, options: Record<string, unknown> = {}, path = '/shop') {
  const { context, page } = await env.newContext();
  await page.goto(`${env.origin}${path}`);
  await page.evaluate(createTrackerScript(env.collector.url, { appId, ...options }));
  return { context, page };
}

const entity = (event: GoodEvent, schema: string) =>
  (
    event.event.contexts as { data: { schema: string; data: Record<string, unknown> }[] } | null
  )?.data.find((context) => context.schema === schema)?.data;

const cookies = async (page: Page) =>
  Object.fromEntries((await page.context().cookies()).map((cookie) => [cookie.name, cookie]));

describeInChromium('createBrowserTracker in Chromium', () => {
  test('events carry p=web, tv, the browser keys, ids, web_page and client_session, and land good', async () => {
    const { page } = await openTracker('basic');
    const eids = (await page.evaluate(`[
      Floe.trackWebPageView(tracker),
      Floe.trackLinkClick(tracker, { targetUrl: 'https://example.com/' }),
      Floe.trackStructEvent(tracker, { category: 'c', action: 'a' }),
      Floe.trackPageView(tracker, { pageUrl: location.href + '#two' }),
    ]`)) as string[];
    const good = await waitFor(() => {
      const good = goodOf(env.collector, 'basic');
      return good.length === 4 && good;
    });
    // Requests may overlap, so arrival order is not tracking order: line them up by event id.
    const events = eids.map((eid) => good.find((event) => event.event.event_id === eid)!);
    expect(env.collector.bad()).toEqual([]);
    const [pv, click, struct, pv2] = events as [GoodEvent, GoodEvent, GoodEvent, GoodEvent];
    for (const { event } of events) {
      expect(event).toMatchObject({
        platform: 'web',
        v_tracker: `floe-browser-${version}`,
        name_tracker: 'test',
        page_title: 'Floe test page',
        br_cookies: true,
        doc_charset: 'UTF-8',
        br_lang: expect.any(String),
        os_timezone: expect.any(String),
        br_colordepth: expect.any(String),
        dvce_screenwidth: expect.any(Number),
        br_viewwidth: expect.any(Number),
        domain_userid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        domain_sessionid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        domain_sessionidx: 1,
      });
      expect(event.doc_width).toBeGreaterThanOrEqual(2000);
      expect(event.domain_userid).toBe(pv.event.domain_userid);
      expect(event.domain_sessionid).toBe(pv.event.domain_sessionid);
    }
    expect([pv, click, struct].map((event) => event.event.page_url)).toEqual(
      Array(3).fill(`${env.origin}/shop`),
    );
    expect(pv2.event.page_url).toBe(`${env.origin}/shop#two`);
    // One page view id from a page view until the next.
    const ids = events.map((event) => entity(event, WEB_PAGE)?.id);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).not.toBe(ids[0]);
    expect(click.eventType).toBe('unstruct');
    expect(struct.eventType).toBe('struct');
    expect(entity(pv, CLIENT_SESSION)).toEqual({
      userId: pv.event.domain_userid,
      sessionId: pv.event.domain_sessionid,
      sessionIndex: 1,
      eventIndex: 1,
      previousSessionId: null,
      storageMechanism: 'COOKIE_1',
      firstEventId: pv.event.event_id,
      firstEventTimestamp: expect.any(String),
    });
    expect(entity(struct, CLIENT_SESSION)).toMatchObject({
      eventIndex: 3,
      firstEventId: pv.event.event_id,
    });

    const jar = await cookies(page);
    expect(jar[`_sp_ses.${HASH}`]?.value).toBe('*');
    const fields = jar[`_sp_id.${HASH}`]?.value.split('.');
    // domainUserId.createTs.visitCount.nowTs.lastVisitTs.sessionId.previousSessionId.firstEventId.firstEventTs.eventIndex
    expect(fields).toEqual([
      pv.event.domain_userid,
      expect.stringMatching(/^\d{10}$/),
      '1',
      expect.stringMatching(/^\d{10}$/),
      '',
      pv.event.domain_sessionid,
      '',
      pv.event.event_id,
      expect.stringMatching(/^\d{13}$/),
      '4',
    ]);
    expect(jar[`_sp_id.${HASH}`]).toMatchObject({ sameSite: 'Lax', secure: false, path: '/' });
  });

  test('a session ends after the timeout: the index grows and the previous id is kept', async () => {
    const { page } = await openTracker('session', { sessionTimeoutMs: 1000 });
    await page.evaluate(`Floe.trackWebPageView(tracker)`);
    await page.waitForTimeout(2100);
    await page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    const [first, second] = (await waitFor(() => {
      const good = goodOf(env.collector, 'session');
      return good.length === 2 && good;
    })) as [GoodEvent, GoodEvent];
    expect(second.event.domain_userid).toBe(first.event.domain_userid);
    expect(second.event.domain_sessionidx).toBe(2);
    expect(second.event.domain_sessionid).not.toBe(first.event.domain_sessionid);
    expect(entity(second, CLIENT_SESSION)).toMatchObject({
      previousSessionId: first.event.domain_sessionid,
      sessionIndex: 2,
      eventIndex: 1,
    });
  });

  test('storage: localStorage keeps Snowplow-style keys and writes no cookie; none keeps nothing', async () => {
    const local = await openTracker('ls', { storage: 'localStorage' });
    await local.page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    const [event] = await waitFor(() => {
      const good = goodOf(env.collector, 'ls');
      return good.length === 1 && good;
    });
    expect(await cookies(local.page)).toEqual({});
    const stored = (await local.page.evaluate(
      `[localStorage.getItem('_sp_id.${HASH}'), localStorage.getItem('_sp_id.${HASH}.expires')]`,
    )) as [string, string];
    expect(stored[0].split('.')[0]).toBe(event!.event.domain_userid);
    expect(Number(stored[1])).toBeGreaterThan(Date.now());
    expect(entity(event!, CLIENT_SESSION)?.storageMechanism).toBe('LOCAL_STORAGE');

    const none = await openTracker('none', { storage: 'none' });
    await none.page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    const [noneEvent] = await waitFor(() => {
      const good = goodOf(env.collector, 'none');
      return good.length === 1 && good;
    });
    expect(noneEvent!.event.domain_userid).toEqual(expect.any(String));
    expect(await cookies(none.page)).toEqual({});
    expect(
      await none.page.evaluate(`Object.keys(localStorage).filter((k) => k.startsWith('_sp_'))`),
    ).toEqual([]);
  });

  test('cookie options: domain, path, SameSite and Secure, and the hash follows domain + path', async () => {
    const { page } = await openTracker('cookie-options', {
      cookieDomain: '127.0.0.1',
      cookiePath: '/shop',
      cookieSameSite: 'Strict',
      cookieSecure: true,
    });
    await page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    await waitFor(() => goodOf(env.collector, 'cookie-options').length === 1);
    const hash = createHash('sha1').update('127.0.0.1/shop').digest('hex').slice(0, 4);
    expect((await cookies(page))[`_sp_id.${hash}`]).toMatchObject({
      path: '/shop',
      sameSite: 'Strict',
      secure: true,
    });
  });

  test('anonymous mode writes no cookie, sends no ids and sends SP-Anonymous', async () => {
    const { page } = await openTracker('anon', { anonymous: true });
    await page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    const [event] = await waitFor(() => {
      const good = goodOf(env.collector, 'anon');
      return good.length === 1 && good;
    });
    expect(await cookies(page)).toEqual({});
    expect(event!.event).toMatchObject({
      domain_userid: null,
      domain_sessionid: null,
      domain_sessionidx: null,
      network_userid: '00000000-0000-0000-0000-000000000000',
    });
    expect(entity(event!, CLIENT_SESSION)).toBeUndefined();
    expect(entity(event!, WEB_PAGE)).toBeDefined();
  });

  test('consent: pending holds events and writes no cookie; granted sends them with the same ids; denied tracks nothing', async () => {
    const { page } = await openTracker('consent', { consent: 'pending' });
    await page.evaluate(
      `Floe.trackWebPageView(tracker); Floe.trackStructEvent(tracker, { category: 'c', action: 'held' })`,
    );
    await page.waitForTimeout(500);
    expect(goodOf(env.collector, 'consent')).toEqual([]);
    expect(await cookies(page)).toEqual({});
    await page.evaluate(
      `tracker.setConsent('granted'); Floe.trackStructEvent(tracker, { category: 'c', action: 'after' })`,
    );
    const events = await waitFor(() => {
      const good = goodOf(env.collector, 'consent');
      return good.length === 3 && good;
    });
    expect(new Set(events.map((event) => event.event.domain_userid)).size).toBe(1);
    expect((await cookies(page))[`_sp_id.${HASH}`]?.value.split('.')[0]).toBe(
      events[0]!.event.domain_userid,
    );

    await page.evaluate(
      `tracker.setConsent('denied'); Floe.trackStructEvent(tracker, { category: 'c', action: 'denied' }); tracker.flush()`,
    );
    await page.waitForTimeout(500);
    expect(goodOf(env.collector, 'consent')).toHaveLength(3);
    expect(await cookies(page)).toEqual({});
    expect(await page.evaluate(`tracker.stats().filtered`)).toBe(1);
  });

  test('Global Privacy Control and Do Not Track are honoured when asked', async () => {
    const { context, page } = await env.newContext();
    await context.addInitScript(
      `Object.defineProperty(navigator, 'globalPrivacyControl', { value: true })`,
    );
    await page.goto(`${env.origin}/gpc`);
    await page.evaluate(
      createTrackerScript(env.collector.url, { appId: 'gpc', respectGlobalPrivacyControl: true }),
    );
    await page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    await page.evaluate(createTrackerScript(env.collector.url, { appId: 'gpc-ignored' }));
    await page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    await waitFor(() => goodOf(env.collector, 'gpc-ignored').length === 1);
    expect(goodOf(env.collector, 'gpc')).toEqual([]);

    const dnt = await env.newContext();
    await dnt.context.addInitScript(
      `Object.defineProperty(navigator, 'doNotTrack', { value: '1' })`,
    );
    await dnt.page.goto(`${env.origin}/dnt`);
    await dnt.page.evaluate(
      createTrackerScript(env.collector.url, { appId: 'dnt', respectDoNotTrack: true }),
    );
    await dnt.page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    await dnt.page.waitForTimeout(300);
    expect(goodOf(env.collector, 'dnt')).toEqual([]);
    expect(await dnt.page.evaluate(`tracker.stats().filtered`)).toBe(1);
  });

  test('clearUserData deletes the cookies; the next event belongs to a new user', async () => {
    const { page } = await openTracker('clear');
    await page.evaluate(`Floe.trackWebPageView(tracker)`);
    // Only the tracker's own cookies: the collector may set its network user id cookie (`sp`)
    // whenever the page view's response arrives, and that one is the collector's to keep. Read as
    // the page sees them: Chromium hands a page's cookie writes to its cookie store asynchronously,
    // so the browser-wide list (`context.cookies()`) can still show a cookie the page just deleted.
    const trackerCookies = async () =>
      ((await page.evaluate('document.cookie')) as string)
        .split('; ')
        .map((pair) => pair.split('=')[0] as string)
        .filter((name) => name.startsWith('_sp_'));
    expect((await trackerCookies()).sort()).toEqual([
      expect.stringMatching(/^_sp_id\./),
      expect.stringMatching(/^_sp_ses\./),
    ]);
    await page.evaluate(`tracker.clearUserData()`);
    expect(await trackerCookies()).toEqual([]);
    await page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    const [first, second] = (await waitFor(() => {
      const good = goodOf(env.collector, 'clear');
      return good.length === 2 && good;
    })) as [GoodEvent, GoodEvent];
    expect(second.event.domain_userid).not.toBe(first.event.domain_userid);
  });

  test('Snowplow on one page, Floe on the next: same domain user id and session; and the reverse', async () => {
    const snowplowFirst = await env.newContext();
    const spPage = snowplowFirst.page;
    await spPage.goto(`${env.origin}/sp1`);
    await spPage.evaluate(`
      Snowplow.newTracker('sp', ${JSON.stringify(env.collector.url)}, {
        appId: 'interop-sp', cookieSameSite: 'Lax', cookieSecure: false, eventMethod: 'post', bufferSize: 1,
      });
      Snowplow.trackPageView();
    `);
    const [spEvent] = await waitFor(() => {
      const good = goodOf(env.collector, 'interop-sp');
      return good.length === 1 && good;
    });
    await spPage.goto(`${env.origin}/floe2`);
    await spPage.evaluate(createTrackerScript(env.collector.url, { appId: 'interop-floe' }));
    await spPage.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    const [floeEvent] = await waitFor(() => {
      const good = goodOf(env.collector, 'interop-floe');
      return good.length === 1 && good;
    });
    expect(floeEvent!.event.domain_userid).toBe(spEvent!.event.domain_userid);
    expect(floeEvent!.event.domain_sessionid).toBe(spEvent!.event.domain_sessionid);
    expect(floeEvent!.event.domain_sessionidx).toBe(spEvent!.event.domain_sessionidx);
    expect(entity(floeEvent!, CLIENT_SESSION)?.eventIndex).toBe(2);

    const floeFirst = await openTracker('interop-floe-first', {}, '/floe1');
    await floeFirst.page.evaluate(`Floe.trackWebPageView(tracker); tracker.flush()`);
    const [first] = await waitFor(() => {
      const good = goodOf(env.collector, 'interop-floe-first');
      return good.length === 1 && good;
    });
    await floeFirst.page.goto(`${env.origin}/sp2`);
    await floeFirst.page.evaluate(`
      Snowplow.newTracker('sp2', ${JSON.stringify(env.collector.url)}, {
        appId: 'interop-sp-second', cookieSameSite: 'Lax', cookieSecure: false, eventMethod: 'post', bufferSize: 1,
      });
      Snowplow.trackPageView();
    `);
    const [second] = await waitFor(() => {
      const good = goodOf(env.collector, 'interop-sp-second');
      return good.length === 1 && good;
    });
    expect(second!.event.domain_userid).toBe(first!.event.domain_userid);
    expect(second!.event.domain_sessionid).toBe(first!.event.domain_sessionid);
    expect(second!.event.domain_sessionidx).toBe(1);
    expect(badRows(env.collector)).toBe('[]');
  });
});
