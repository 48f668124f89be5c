import type { EventType } from './payload';
import { PLATFORM_PATTERN } from './platform-code';

/**
 * How one payload value is checked and formatted (tracker protocol §1.3, §1.4, §5.4):
 * - a number: a string of at most that many code points (the enriched column's length);
 * - a pattern: a string that must match it;
 * - `number`: a finite number, written in positional form;
 * - `integer`: a 32-bit integer; `offset`: the same after rounding; `index`: a positive one;
 * - `boolean`: written `1` or `0`;
 * - `pixels`: `[width, height]`, written `<w>x<h>` after rounding.
 */
export type FieldRule =
  | number
  | RegExp
  | 'number'
  | 'integer'
  | 'offset'
  | 'index'
  | 'boolean'
  | 'pixels';

// Page keys: allowed on every event type, so adapters may attach the current page to any.
const PAGE_RULES = { url: 4096, page: 2000, refr: 4096 } as const;

/**
 * The keys each event type may carry among its own fields, with their rules: the page keys and
 * the keys that start with its type and an underscore (§2). Anything else makes the event
 * invalid, so no input can put a key on the wire that payload_data 1-0-4 does not allow, or one
 * the tracker sets itself.
 */
export const EVENT_FIELD_RULES: Readonly<Record<EventType, Readonly<Record<string, FieldRule>>>> = {
  pv: PAGE_RULES,
  pp: { ...PAGE_RULES, pp_mix: 'offset', pp_max: 'offset', pp_miy: 'offset', pp_may: 'offset' },
  se: { ...PAGE_RULES, se_ca: 1000, se_ac: 1000, se_la: 4096, se_pr: 1000, se_va: 'number' },
  ue: PAGE_RULES,
  tr: {
    ...PAGE_RULES,
    tr_id: 255,
    tr_tt: 'number',
    tr_af: 255,
    tr_tx: 'number',
    tr_sh: 'number',
    tr_ci: 255,
    tr_st: 255,
    tr_co: 255,
    tr_cu: 3,
  },
  ti: {
    ...PAGE_RULES,
    ti_id: 255,
    ti_sk: 255,
    ti_pr: 'number',
    ti_qu: 'integer',
    ti_nm: 255,
    ti_ca: 255,
    ti_cu: 3,
  },
};

/**
 * The rule of every key the tracker formats from caller input: the header, the subject and every
 * event type's keys. A key outside this table never reaches the wire from an input.
 */
export const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  // Header.
  tna: 128,
  aid: 255,
  p: PLATFORM_PATTERN,
  // Subject (§1.3). A network user id is sent as `tnuid`, which enrich treats as final, not `nuid`.
  uid: 255,
  res: 'pixels',
  vp: 'pixels',
  ds: 'pixels',
  cd: 'integer',
  tz: 255,
  lang: 255,
  cs: 128,
  duid: 128,
  tnuid: 128,
  sid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  vid: 'index',
  ip: 128,
  ua: 1000,
  cookie: 'boolean',
  ...Object.assign({}, ...Object.values(EVENT_FIELD_RULES)),
};

/** The event types, each with the keys its events must carry (after empty values are omitted). */
export const REQUIRED_FIELDS: Readonly<Record<EventType, readonly string[]>> = {
  pv: ['url'],
  pp: ['url'],
  se: ['se_ca', 'se_ac'],
  ue: [],
  tr: ['tr_id', 'tr_tt'],
  ti: ['ti_id', 'ti_sk', 'ti_pr', 'ti_qu'],
};
