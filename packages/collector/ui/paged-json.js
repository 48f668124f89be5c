// The JSON of a row too large for the UI feed, read from the collector in pages
// (/micro/ui/api/item), so one huge row never has to arrive or render whole.

function formatBytes(bytes) {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * A note, the first page of the row's JSON and a "Load more" button for the next pages.
 * @param {{seq: number, valueBytes: number}} item
 * @returns {HTMLElement[]}
 */
export function pagedJson(item) {
  const note = document.createElement('p');
  note.className = 'large-note';
  note.textContent = `This event is ${formatBytes(item.valueBytes)} of JSON, shown in pages.`;
  const pre = document.createElement('pre');
  pre.className = 'json-panel paged';
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'load-more';
  more.textContent = 'Load more';
  more.hidden = true;
  let offset = 0;
  const load = async () => {
    more.disabled = true;
    const response = await fetch(`/micro/ui/api/item?seq=${item.seq}&offset=${offset}`, {
      cache: 'no-store',
    });
    if (!response.ok) {
      note.textContent = 'This event is no longer stored.';
      more.hidden = true;
      return;
    }
    const page = await response.json();
    pre.append(page.text);
    offset = page.nextOffset ?? offset;
    more.hidden = page.nextOffset === null;
    more.disabled = false;
  };
  more.addEventListener('click', () => void load());
  void load();
  return [note, pre, more];
}
