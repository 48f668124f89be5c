// The machine's yardstick (anchors.md §2): a bare loop of `crypto.randomUUID()` + `JSON.stringify`
// per event, no tracker, no network. Took about 322 ms for 100,000 events on the anchors' VM, so
// comparing it with this machine's figure says how much slower or faster this machine is.
// The `payload-loop` config is the floor of Floe's design instead: per event, the flat payload
// object a tracker sends (the same keys and string values as Floe's, header included) built with
// one object literal and serialised with one `JSON.stringify`, with no checks, no queue and no
// network. No tracker that builds such an object per event can cost less per call.
import { randomUUID } from 'node:crypto';
import { selfDescribing, structFields } from './events.mjs';

/**
 * Creates the baseline "tracker": it serialises each event with a fresh uuid and keeps nothing.
 *
 * @param {{ kind: string }} options
 */
export async function createBaselineAdapter({ kind, config }) {
  let sink = 0;
  const build = kind === 'structured' ? structFields : selfDescribing;
  const track =
    config === 'payload-loop' ? payloadLoop(kind) : (i) => ({ eid: randomUUID(), ...build(i) });
  return {
    track: (i) => {
      sink += JSON.stringify(track(i)).length;
    },
    flush: async () => ({ serializedChars: sink }),
    close: async () => {},
    drops: () => ({}),
    delivers: false,
    settings: { store: 'none', base64: 'n/a' },
  };
}

const UNSTRUCT = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';

/** Builds Floe's wire payload of event i with one object literal (the `payload-loop` floor). */
function payloadLoop(kind) {
  const header = { tv: 'node-0.0.0', tna: 'bench', p: 'srv', aid: 'bench' };
  if (kind === 'structured') {
    return (i) => {
      const { category, action, label, property, value } = structFields(i);
      return {
        e: 'se',
        eid: randomUUID(),
        dtm: String(Date.now()),
        ...header,
        se_ca: category,
        se_ac: action,
        se_la: label,
        se_pr: property,
        se_va: String(value),
      };
    };
  }
  return (i) => {
    const { schema, data } = selfDescribing(i);
    const event = `{"schema":"${schema}","data":${JSON.stringify(data)}}`;
    return {
      e: 'ue',
      eid: randomUUID(),
      dtm: String(Date.now()),
      ...header,
      ue_pr: `{"schema":"${UNSTRUCT}","data":${event}}`,
    };
  };
}
