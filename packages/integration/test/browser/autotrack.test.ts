import type { GoodEvent } from '@floe/collector';
import type { Page } from 'playwright-core';
import {
  type BrowserEnv,
  createTrackerScript,
  describeInChromium,
  goodOf,
  startBrowserEnv,
  waitFor,
} from './helpers/browser-env';

jest.setTimeout(60_000);

const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

async function openTracker(appId: string, setup: string) {
  const { page } = await env.newContext();
  await page.goto(`${env.origin}/shop`);
  // Links stay on the page, so the test keeps it.
  await page.evaluate(`document.addEventListener('click', (e) => e.preventDefault())`);
  await page.evaluate(createTrackerScript(env.collector.url, { appId }));
  await page.evaluate(setup);
  return page;
}

const unstruct = (event: GoodEvent) =>
  (event.event.unstruct_event as { data: { schema: string; data: Record<string, unknown> } }).data;
const until = (appId: string, n: number) =>
  waitFor(() => {
    const good = goodOf(env.collector, appId);
    return good.length >= n && good;
  });
const settle = (page: Page) => page.evaluate('tracker.flush()');

describeInChromium('autotracking in Chromium (every event lands good)', () => {
  test('link clicks: plain, ctrl and middle clicks; deny by class; content only when asked', async () => {
    const page = await openTracker(
      'links',
      `Floe.enableLinkClickTracking(tracker, { deny: ['no-track'], trackContent: true })`,
    );
    await page.click('#plain');
    await page.click('#ignored');
    await page.click('#newtab', { modifiers: ['Control'] });
    await page.click('#plain', { button: 'middle' });
    await settle(page);
    const events = await until('links', 3);
    expect(events.map(unstruct)).toEqual([
      {
        schema: 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1',
        data: {
          targetUrl: `${env.origin}/next`,
          elementId: 'plain',
          elementClasses: ['nav', 'main'],
          elementContent: 'Next page',
        },
      },
      expect.objectContaining({
        data: expect.objectContaining({
          targetUrl: `${env.origin}/other`,
          elementTarget: '_blank',
        }),
      }),
      expect.objectContaining({ data: expect.objectContaining({ elementId: 'plain' }) }),
    ]);
    expect(env.collector.bad()).toEqual([]);
  });

  test('forms: focus, change and submit; password, cc-* and marked fields are never captured', async () => {
    const page = await openTracker('forms', `Floe.enableFormTracking(tracker)`);
    await page.fill('#email', 'me@example.com');
    await page.fill('#pw', 'hunter2-secret');
    await page.fill('#card', '4111111111111111');
    await page.fill('#secret', 'my-secret-answer');
    await page.fill('#bio', 'hello');
    // A textarea reports `change` when it loses focus.
    await page.focus('#plan');
    await page.selectOption('#plan', 'pro');
    await page.evaluate(`document.getElementById('signup').requestSubmit()`);
    await settle(page);
    const events = await waitFor(() => {
      const good = goodOf(env.collector, 'forms');
      return good.some((event) => unstruct(event).schema.includes('submit_form')) && good;
    });
    const byName = (name: string) =>
      events.map(unstruct).filter((sdj) => sdj.schema.includes(`/${name}/`));
    expect(byName('focus_form').map((sdj) => sdj.data.elementId)).toEqual(
      expect.arrayContaining(['email', 'pw', 'card', 'secret', 'bio']),
    );
    const changes = Object.fromEntries(
      byName('change_form').map((sdj) => [sdj.data.elementId, sdj.data]),
    );
    expect(changes.email).toEqual({
      formId: 'signup',
      elementId: 'email',
      nodeName: 'INPUT',
      type: 'email',
      value: 'me@example.com',
      elementClasses: ['field'],
    });
    expect(changes.pw).toMatchObject({ type: 'password', value: null });
    expect(changes.card).toMatchObject({ value: null });
    expect(changes.secret).toMatchObject({ value: null });
    expect(changes.bio).toMatchObject({ nodeName: 'TEXTAREA', value: 'hello' });
    expect(changes.plan).toMatchObject({ nodeName: 'SELECT', value: 'pro' });
    expect(changes.plan).not.toHaveProperty('type');
    const [submit] = byName('submit_form');
    expect(submit!.data).toEqual({
      formId: 'signup',
      formClasses: ['signup-form'],
      elements: [
        { name: 'email', value: 'me@example.com', nodeName: 'INPUT', type: 'email' },
        { name: 'password', value: null, nodeName: 'INPUT', type: 'password' },
        { name: 'card', value: null, nodeName: 'INPUT', type: 'text' },
        { name: 'secret', value: null, nodeName: 'INPUT', type: 'text' },
        { name: 'bio', value: 'hello', nodeName: 'TEXTAREA' },
        { name: 'plan', value: 'pro', nodeName: 'SELECT' },
      ],
    });
    // The rule holds for every byte the collector received, not only the parsed fields.
    const raw = JSON.stringify(env.collector.good()) + JSON.stringify(env.collector.bad());
    for (const secret of ['hunter2-secret', '4111111111111111', 'my-secret-answer']) {
      expect(raw).not.toContain(secret);
    }
    expect(env.collector.bad()).toEqual([]);
  });

  test('activity: page pings only after activity, with min/max scroll offsets', async () => {
    const page = await openTracker(
      'activity',
      `Floe.enableActivityTracking(tracker, { minimumVisitLength: 400, heartbeatDelay: 400 }); Floe.trackWebPageView(tracker)`,
    );
    // No activity in the first period: no ping.
    await page.waitForTimeout(600);
    await page.evaluate('scrollTo(0, 300)');
    await page.mouse.move(10, 10);
    await page.waitForTimeout(200);
    await page.evaluate('scrollTo(50, 900)');
    await page.mouse.move(20, 20);
    await page.waitForTimeout(700);
    await settle(page);
    const events = await waitFor(() => {
      const good = goodOf(env.collector, 'activity');
      return good.some((event) => event.event.pp_yoffset_max === 900) && good;
    });
    const pageView = events.find((event) => event.eventType === 'page_view')!;
    const pings = events
      .filter((event) => event !== pageView)
      .sort((a, b) => Number(a.event.pp_yoffset_max) - Number(b.event.pp_yoffset_max));
    expect(pings.length).toBeGreaterThanOrEqual(1);
    expect(pings.every((event) => event.eventType === 'page_ping')).toBe(true);
    // The first ping covers the first scroll; the largest offsets seen reach the second one.
    expect(pings[0]!.event.pp_yoffset_min).toBeLessThanOrEqual(300);
    expect(Math.max(...pings.map((event) => Number(event.event.pp_yoffset_max)))).toBe(900);
    expect(Math.max(...pings.map((event) => Number(event.event.pp_xoffset_max)))).toBe(50);
    const ping = pings[0]!;
    // Both belong to the same page view.
    const id = (event: GoodEvent) =>
      (event.event.contexts as { data: { schema: string; data: { id: string } }[] }).data.find(
        (c) => c.schema === WEB_PAGE,
      )?.data.id;
    expect(id(ping)).toBe(id(pageView));
    // Idle again: no more pings.
    const count = goodOf(env.collector, 'activity').length;
    await page.waitForTimeout(1000);
    expect(goodOf(env.collector, 'activity').length).toBe(count);
  });

  test('errors: uncaught errors and unhandled rejections become application_error', async () => {
    const page = await openTracker('errors', `Floe.enableErrorTracking(tracker)`);
    await page.evaluate(
      `setTimeout(() => { throw new TypeError('boom') }); Promise.reject(new Error('nope')); undefined`,
    );
    await page.waitForTimeout(200);
    await settle(page);
    const events = await until('errors', 2);
    const errors = events.map(unstruct);
    expect(errors.every((sdj) => sdj.schema.includes('/application_error/'))).toBe(true);
    expect(errors.map((sdj) => sdj.data.message).sort()).toEqual([
      'Uncaught TypeError: boom',
      'nope',
    ]);
    expect(errors.find((sdj) => sdj.data.message === 'nope')?.data).toMatchObject({
      programmingLanguage: 'JAVASCRIPT',
      exceptionName: 'Error',
      stackTrace: expect.stringContaining('nope'),
    });
    expect(env.collector.bad()).toEqual([]);
  });

  test('SPA: a history change is a page view with a new page view id and the old route as referrer', async () => {
    const page = await openTracker(
      'spa',
      `Floe.trackWebPageView(tracker); Floe.enableSpaPageViews(tracker)`,
    );
    await page.evaluate(`history.pushState({}, '', '/route-two'); document.title = 'Route two'`);
    await page.evaluate(`history.replaceState({ same: true }, '')`);
    await page.waitForTimeout(100);
    await page.goBack();
    await page.waitForTimeout(100);
    await settle(page);
    const events = await until('spa', 3);
    expect(
      events.map((event) => [event.eventType, event.event.page_url, event.event.page_referrer]),
    ).toEqual([
      ['page_view', `${env.origin}/shop`, null],
      ['page_view', `${env.origin}/route-two`, `${env.origin}/shop`],
      ['page_view', `${env.origin}/shop`, `${env.origin}/route-two`],
    ]);
    expect(events[1]!.event.page_title).toBe('Route two');
    const ids = events.map(
      (event) =>
        (event.event.contexts as { data: { schema: string; data: { id: string } }[] }).data.find(
          (c) => c.schema === WEB_PAGE,
        )?.data.id,
    );
    expect(new Set(ids).size).toBe(3);
  });
});
