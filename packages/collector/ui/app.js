import { drawChart } from './chart.js';
import { renderJson } from './json-view.js';
import { pagedJson } from './paged-json.js';

const POLL_MS = 1000;
const MAX_ITEMS = 5000;
const $ = (id) => document.getElementById(id);

const state = {
  epoch: null,
  lastSeq: 0,
  items: new Map(),
  selected: null,
  paused: false,
  filters: {},
};

function setStatus(text, kind) {
  const status = $('status');
  status.textContent = text;
  status.dataset.state = kind;
}

function titleOf(item) {
  if (item.kind === 'bad') return item.badRowType ?? 'bad event';
  const schema = item.schemas[0];
  const name = schema ? schema.split('/')[1] : null;
  return item.eventType === 'unstruct' && name ? name : (item.eventType ?? 'event');
}

/** Lines saying how a good event breaks the event specification naming its schema. */
function specViolationsOf(item) {
  return item.specViolations ?? [];
}

function specBadge(count) {
  const badge = document.createElement('span');
  badge.className = 'badge spec';
  badge.title = 'This event breaks an event specification (specs/)';
  badge.textContent = count === 1 ? '1 spec violation' : `${count} spec violations`;
  return badge;
}

function subtitleOf(item) {
  if (item.errors.length > 0) return item.errors[0];
  const violations = specViolationsOf(item);
  if (violations.length > 0) return violations[0];
  return item.schemas[0] ?? item.eventId ?? '';
}

function matches(item) {
  const f = state.filters;
  if (f.kind && item.kind !== f.kind) return false;
  if (f.type && item.eventType !== f.type) return false;
  if (f.schema && !item.schemas.includes(f.schema)) return false;
  if (f.app && item.appId !== f.app) return false;
  if (f.text) {
    // A large row is not in the feed whole: search what the list knows about it.
    const searched = [
      item.value ?? [item.eventId, item.appId, item.schemas, item.errors],
      specViolationsOf(item),
    ];
    const haystack = JSON.stringify(searched).toLowerCase();
    if (!haystack.includes(f.text.toLowerCase())) return false;
  }
  return true;
}

function fillSelect(select, values) {
  const current = select.value;
  const options = [...values].sort();
  const existing = [...select.options].slice(1).map((o) => o.value);
  if (existing.join('\n') === options.join('\n')) return;
  select.replaceChildren(new Option('all', ''), ...options.map((v) => new Option(v, v)));
  select.value = options.includes(current) ? current : '';
}

function refreshFilterOptions() {
  const types = new Set();
  const schemas = new Set();
  const apps = new Set();
  for (const item of state.items.values()) {
    if (item.eventType) types.add(item.eventType);
    for (const s of item.schemas) schemas.add(s);
    if (item.appId) apps.add(item.appId);
  }
  fillSelect($('filter-type'), types);
  fillSelect($('filter-schema'), schemas);
  fillSelect($('filter-app'), apps);
}

function row(item) {
  const li = document.createElement('li');
  li.className = 'event-row';
  li.dataset.kind = item.kind;
  li.dataset.seq = String(item.seq);
  if (state.selected === item.seq) li.classList.add('selected');
  const dot = document.createElement('span');
  dot.className = 'dot';
  const text = document.createElement('div');
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = titleOf(item);
  const violations = specViolationsOf(item);
  if (violations.length > 0) title.append(specBadge(violations.length));
  const sub = document.createElement('div');
  sub.className = item.errors.length > 0 || violations.length > 0 ? 'sub error' : 'sub';
  sub.textContent = subtitleOf(item);
  text.append(title, sub);
  const time = document.createElement('time');
  time.textContent = new Date(item.receivedAt).toLocaleTimeString();
  li.append(dot, text, time);
  li.addEventListener('click', () => select(item.seq));
  return li;
}

function renderList() {
  const list = $('event-list');
  const visible = [...state.items.values()].filter(matches).sort((a, b) => b.seq - a.seq);
  const rows = visible.slice(0, 500).map(row);
  if (rows.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent =
      state.items.size === 0
        ? 'No events yet. Point a tracker at this collector.'
        : 'No event matches the filters.';
    rows.push(empty);
  }
  list.replaceChildren(...rows);
  $('shown').textContent = `${visible.length} of ${state.items.size} shown`;
}

function nonNull(event) {
  return Object.fromEntries(
    Object.entries(event).filter(
      ([, v]) => v !== null && !(typeof v === 'object' && Object.keys(v).length === 0),
    ),
  );
}

/** The JSON views of an item: [label, value, JSON pointers to highlight]. */
function viewsOf(item) {
  const value = item.value;
  if (item.kind === 'bad') {
    return [
      ['Bad row', value.badRow, ['/data/failure']],
      ['Collector payload', value.collectorPayload, []],
      ['Full JSON', value, ['/badRow/data/failure', '/errors']],
    ];
  }
  const highlight = item.kind === 'incomplete' ? ['/derived_contexts'] : [];
  return [
    ['Event (non-null fields)', nonNull(value.event), highlight],
    ['Raw event', value.rawEvent, []],
    ['Full JSON', value, highlight.map((p) => `/event${p}`)],
  ];
}

function jsonTabs(item) {
  const views = viewsOf(item);
  const tabs = document.createElement('div');
  tabs.className = 'tabs';
  tabs.setAttribute('role', 'tablist');
  const panel = document.createElement('div');
  const show = (index) => {
    const [, value, paths] = views[index];
    panel.replaceChildren(renderJson(value, paths));
    for (const [i, button] of [...tabs.children].entries())
      button.setAttribute('aria-selected', String(i === index));
  };
  views.forEach(([label], index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('role', 'tab');
    button.textContent = label;
    button.addEventListener('click', () => show(index));
    tabs.append(button);
  });
  show(0);
  return [tabs, panel];
}

/**
 * A link to the event's entry in the tracking plan's catalogue (`floe docs`), when the UI was
 * opened as /micro/ui?catalogue=<url of the catalogue page>. Entries are anchored by Iglu URI.
 */
function catalogueLinkOf(item) {
  const base = new URLSearchParams(location.search).get('catalogue');
  if (!base || !item.schemas[0]) return null;
  let url;
  try {
    url = new URL(base, location.href);
  } catch {
    return null;
  }
  // Only web and file pages: a javascript: URL must never become a link here.
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) return null;
  url.hash = item.schemas[0];
  const link = document.createElement('a');
  link.className = 'catalogue-link';
  link.href = url.href;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = 'Open in catalogue';
  return link;
}

function select(seq) {
  state.selected = seq;
  const item = state.items.get(seq);
  const details = $('details');
  if (!item) {
    details.replaceChildren();
    return;
  }
  const heading = document.createElement('h3');
  heading.textContent = titleOf(item);
  const badge = document.createElement('span');
  badge.className = `badge ${item.kind}`;
  badge.textContent = item.kind;
  heading.append(badge);
  const violations = specViolationsOf(item);
  if (violations.length > 0) heading.append(specBadge(violations.length));
  const copy = document.createElement('button');
  copy.className = 'copy';
  copy.textContent = 'Copy JSON';
  copy.addEventListener('click', () =>
    navigator.clipboard?.writeText(
      item.value === null
        ? (details.querySelector('pre.paged')?.textContent ?? '')
        : JSON.stringify(item.value, null, 2),
    ),
  );
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = [item.eventId, ...item.schemas, new Date(item.receivedAt).toISOString()]
    .filter(Boolean)
    .join(' · ');
  const parts = [copy, heading, meta];
  const catalogueLink = catalogueLinkOf(item);
  if (catalogueLink) parts.push(catalogueLink);
  if (item.errors.length > 0) {
    const errors = document.createElement('ul');
    errors.className = 'error-list';
    for (const message of item.errors) {
      const li = document.createElement('li');
      li.className = 'error-item';
      li.textContent = message;
      errors.append(li);
    }
    parts.push(errors);
  }
  if (violations.length > 0) {
    const list = document.createElement('ul');
    list.className = 'spec-list';
    for (const message of violations) {
      const li = document.createElement('li');
      li.className = 'spec-item';
      li.textContent = message;
      list.append(li);
    }
    parts.push(list);
  }
  parts.push(...(item.value === null ? pagedJson(item) : jsonTabs(item)));
  details.replaceChildren(...parts);
  for (const li of $('event-list').children)
    li.classList.toggle('selected', li.dataset.seq === String(seq));
}

function renderAll() {
  refreshFilterOptions();
  renderList();
  $('chart-range').textContent = drawChart($('chart'), [...state.items.values()]);
}

function applyCounts(counts) {
  $('count-good').textContent = String(counts.good);
  $('count-bad').textContent = String(counts.bad);
  $('count-incomplete').textContent = String(counts.incomplete);
}

let inflight = false;

async function poll() {
  if (state.paused || inflight) return;
  inflight = true;
  try {
    await fetchPage();
    setStatus('live', 'live');
  } catch {
    setStatus('offline', 'offline');
  } finally {
    inflight = false;
  }
}

async function fetchPage() {
  for (;;) {
    const after = state.epoch === null ? '' : `&after=${state.lastSeq}`;
    const response = await fetch(`/micro/ui/api/events?limit=1000${after}`, { cache: 'no-store' });
    const page = await response.json();
    if (state.epoch !== null && page.epoch !== state.epoch) {
      // The store was reset (or the collector restarted): start over.
      state.items.clear();
      state.selected = null;
      state.epoch = null;
      $('details').replaceChildren();
      applyCounts(page.counts);
      renderAll();
      continue;
    }
    state.epoch = page.epoch;
    for (const item of page.items) state.items.set(item.seq, item);
    if (page.items.length > 0) state.lastSeq = page.items[page.items.length - 1].seq;
    while (state.items.size > MAX_ITEMS) state.items.delete(state.items.keys().next().value);
    applyCounts(page.counts);
    if (page.items.length > 0) renderAll();
    // The feed is bounded in bytes too: `more` says whether it stopped early.
    if (!(page.more ?? page.items.length >= 1000)) return;
  }
}

function bindFilters() {
  const bind = (id, key) =>
    $(id).addEventListener('input', (event) => {
      state.filters[key] = event.target.value;
      renderList();
    });
  bind('filter-kind', 'kind');
  bind('filter-type', 'type');
  bind('filter-schema', 'schema');
  bind('filter-app', 'app');
  bind('filter-text', 'text');
  $('pause').addEventListener('click', () => {
    state.paused = !state.paused;
    $('pause').textContent = state.paused ? 'Resume' : 'Pause';
    setStatus(state.paused ? 'paused' : 'live', state.paused ? 'paused' : 'live');
  });
  $('reset').addEventListener('click', async () => {
    if (!confirm('Delete every stored event?')) return;
    await fetch('/micro/reset', { method: 'POST' });
    await poll();
  });
}

bindFilters();
renderAll();
poll();
setInterval(poll, POLL_MS);
setInterval(() => {
  $('chart-range').textContent = drawChart($('chart'), [...state.items.values()]);
}, 5000);
