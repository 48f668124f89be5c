/**
 * The 80 keys `payload_data` 1-0-4 allows (tracker protocol §6.4). One unknown key makes the
 * pipeline reject every event of a POST as a single bad row, so the tests assert that every
 * payload Floe builds uses only these.
 */
export const PAYLOAD_DATA_KEYS: readonly string[] = /* @__PURE__ */ [
  'e eid dtm stm ttm tid', // event and time
  'tv tna aid p', // tracker and app
  'uid duid nuid tnuid sid vid ip fp mac', // user and session
  'ua res vp ds cd cs tz lang cookie ctype f_pdf f_qt f_realp f_wma f_dir f_fla f_java f_gears f_ag',
  'url page refr pp_mix pp_max pp_miy pp_may', // page and page ping
  'se_ca se_ac se_la se_pr se_va', // structured
  'ue_pr ue_px ue_na co cx', // self-describing and contexts
  'tr_id tr_af tr_tt tr_tx tr_sh tr_ci tr_st tr_co tr_cu', // transaction
  'ti_id ti_sk ti_nm ti_na ti_ca ti_pr ti_qu ti_cu', // transaction item
  'ad_ba ad_ca ad_ad ad_uid sa sn st sp', // legacy ad impression and undocumented keys
]
  .join(' ')
  .split(' ');

/**
 * The keys Floe's tracker may produce: the 80 minus the legacy and unsupported ones (`tid`, `nuid`,
 * `fp`, `mac`, `ctype`, `f_*`, `ue_na`, `ti_na`, ad and undocumented keys) and minus `stm`, which
 * only the emitter adds.
 */
export const TRACKER_KEYS: readonly string[] = /* @__PURE__ */ PAYLOAD_DATA_KEYS.filter(
  (key) => !/^(tid|nuid|fp|mac|ctype|f_.*|ue_na|ti_na|ad_.*|sa|sn|st|sp|stm)$/.test(key),
);
