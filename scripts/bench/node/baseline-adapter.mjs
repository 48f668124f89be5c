// The machine's yardstick (anchors.md §2): a bare loop of `crypto.randomUUID()` + `JSON.stringify`
// per event, no tracker, no network. Took about 322 ms for 100,000 events on the anchors' VM, so
// comparing it with this machine's figure says how much slower or faster this machine is.
import { randomUUID } from 'node:crypto';
import { selfDescribing, structFields } from './events.mjs';

/**
 * Creates the baseline "tracker": it serialises each event with a fresh uuid and keeps nothing.
 *
 * @param {{ kind: string }} options
 */
export async function createBaselineAdapter({ kind }) {
  let sink = 0;
  const build = kind === 'structured' ? structFields : selfDescribing;
  return {
    track: (i) => {
      sink += JSON.stringify({ eid: randomUUID(), ...build(i) }).length;
    },
    flush: async () => ({ serializedChars: sink }),
    close: async () => {},
    drops: () => ({}),
    delivers: false,
    settings: { store: 'none', base64: 'n/a' },
  };
}
