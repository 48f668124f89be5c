// A small inline SVG bar chart: stacked good / incomplete / bad counts per bucket.

const SVG = 'http://www.w3.org/2000/svg';
const KINDS = ['good', 'incomplete', 'bad'];

function node(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/**
 * Draws the last `buckets` × `bucketMs` of items into `svg`.
 * @param {SVGSVGElement} svg
 * @param {{receivedAt: number, kind: string}[]} items
 * @param {{bucketMs?: number, buckets?: number}} options
 * @returns {string} a description of the time range shown
 */
export function drawChart(svg, items, { bucketMs = 10_000, buckets = 30 } = {}) {
  const latest = items.reduce((max, item) => Math.max(max, item.receivedAt), 0);
  const now = Date.now();
  // Follow the wall clock when events are recent; an injected clock may be anywhere.
  const end =
    Math.ceil((Math.abs(now - latest) < 3_600_000 || latest === 0 ? now : latest) / bucketMs) *
    bucketMs;
  const start = end - buckets * bucketMs;
  const counts = Array.from({ length: buckets }, () => ({ good: 0, incomplete: 0, bad: 0 }));
  for (const item of items) {
    const index = Math.floor((item.receivedAt - start) / bucketMs);
    if (index >= 0 && index < buckets) counts[index][item.kind]++;
  }
  const width = 600;
  const height = 90;
  const top = 6;
  const bottom = 2;
  const max = Math.max(1, ...counts.map((c) => c.good + c.incomplete + c.bad));
  const slot = width / buckets;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.replaceChildren();
  svg.append(
    node('line', { class: 'axis', x1: 0, x2: width, y1: height - bottom, y2: height - bottom }),
  );
  counts.forEach((count, index) => {
    let y = height - bottom;
    for (const kind of KINDS) {
      const h = ((height - bottom - top) * count[kind]) / max;
      if (h <= 0) continue;
      y -= h;
      const bar = node('rect', {
        class: `bar ${kind}`,
        x: index * slot + 1,
        y,
        width: slot - 2,
        height: h,
        rx: 1.5,
      });
      const title = node('title', {});
      title.textContent = `${count[kind]} ${kind}`;
      bar.append(title);
      svg.append(bar);
    }
  });
  const fmt = (ms) => new Date(ms).toLocaleTimeString();
  return `${fmt(start)} – ${fmt(end)} · peak ${max} per ${bucketMs / 1000}s`;
}
