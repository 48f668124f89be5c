import type { EventType } from './payload';

/** How a payload value is formatted and checked (tracker protocol §5.4). */
export type FieldKind = 'string' | 'number' | 'integer' | 'offset' | 'boolean';

/** The format and the enriched field's maximum length (code points) of one payload key. */
export interface FieldRule {
  readonly kind: FieldKind;
  readonly max?: number;
}

/**
 * The event-specific keys each event type may carry (tracker protocol §2), with their formats and
 * maximum lengths. A key outside its event's map makes the event invalid, so no code path can put
 * a key on the wire that payload_data 1-0-4 does not allow.
 */
export const EVENT_FIELD_RULES: Readonly<Record<EventType, ReadonlyMap<string, FieldRule>>> =
  /* @__PURE__ */ buildEventFieldRules();

// Built in a function marked pure, so bundles that never track drop the tables.
function buildEventFieldRules(): Record<EventType, ReadonlyMap<string, FieldRule>> {
  const text = (max: number): FieldRule => ({ kind: 'string', max });
  const NUMBER: FieldRule = { kind: 'number' };
  const INTEGER: FieldRule = { kind: 'integer' };
  const OFFSET: FieldRule = { kind: 'offset' };
  // Page keys are allowed on every event: adapters may attach the current page to any (§1.3).
  const page = { url: text(4096), page: text(2000), refr: text(4096) };
  const rules = (extra: Record<string, FieldRule>): ReadonlyMap<string, FieldRule> =>
    new Map(Object.entries({ ...page, ...extra }));
  return {
    pv: rules({}),
    pp: rules({ pp_mix: OFFSET, pp_max: OFFSET, pp_miy: OFFSET, pp_may: OFFSET }),
    se: rules({
      se_ca: text(1000),
      se_ac: text(1000),
      se_la: text(4096),
      se_pr: text(1000),
      se_va: NUMBER,
    }),
    ue: rules({}),
    tr: rules({
      tr_id: text(255),
      tr_tt: NUMBER,
      tr_af: text(255),
      tr_tx: NUMBER,
      tr_sh: NUMBER,
      tr_ci: text(255),
      tr_st: text(255),
      tr_co: text(255),
      tr_cu: text(3),
    }),
    ti: rules({
      ti_id: text(255),
      ti_sk: text(255),
      ti_pr: NUMBER,
      ti_qu: INTEGER,
      ti_nm: text(255),
      ti_ca: text(255),
      ti_cu: text(3),
    }),
  };
}

/** Keys an event of each type must carry (after empty values are omitted). */
export const REQUIRED_FIELDS: Readonly<Record<EventType, readonly string[]>> = {
  pv: ['url'],
  pp: ['url'],
  se: ['se_ca', 'se_ac'],
  ue: [],
  tr: ['tr_id', 'tr_tt'],
  ti: ['ti_id', 'ti_sk', 'ti_pr', 'ti_qu'],
};
