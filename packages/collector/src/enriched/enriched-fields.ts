/**
 * The 131 fields of the enriched event in the pipeline's TSV order (local-collector.md §11).
 * `event` objects in GoodEvents carry every one of them, with `null` for absent values.
 */
export const ENRICHED_FIELDS = [
  'app_id',
  'platform',
  'etl_tstamp',
  'collector_tstamp',
  'dvce_created_tstamp',
  'event',
  'event_id',
  'txn_id',
  'name_tracker',
  'v_tracker',
  'v_collector',
  'v_etl',
  'user_id',
  'user_ipaddress',
  'user_fingerprint',
  'domain_userid',
  'domain_sessionidx',
  'network_userid',
  'geo_country',
  'geo_region',
  'geo_city',
  'geo_zipcode',
  'geo_latitude',
  'geo_longitude',
  'geo_region_name',
  'ip_isp',
  'ip_organization',
  'ip_domain',
  'ip_netspeed',
  'page_url',
  'page_title',
  'page_referrer',
  'page_urlscheme',
  'page_urlhost',
  'page_urlport',
  'page_urlpath',
  'page_urlquery',
  'page_urlfragment',
  'refr_urlscheme',
  'refr_urlhost',
  'refr_urlport',
  'refr_urlpath',
  'refr_urlquery',
  'refr_urlfragment',
  'refr_medium',
  'refr_source',
  'refr_term',
  'mkt_medium',
  'mkt_source',
  'mkt_term',
  'mkt_content',
  'mkt_campaign',
  'contexts',
  'se_category',
  'se_action',
  'se_label',
  'se_property',
  'se_value',
  'unstruct_event',
  'tr_orderid',
  'tr_affiliation',
  'tr_total',
  'tr_tax',
  'tr_shipping',
  'tr_city',
  'tr_state',
  'tr_country',
  'ti_orderid',
  'ti_sku',
  'ti_name',
  'ti_category',
  'ti_price',
  'ti_quantity',
  'pp_xoffset_min',
  'pp_xoffset_max',
  'pp_yoffset_min',
  'pp_yoffset_max',
  'useragent',
  'br_name',
  'br_family',
  'br_version',
  'br_type',
  'br_renderengine',
  'br_lang',
  'br_features_pdf',
  'br_features_flash',
  'br_features_java',
  'br_features_director',
  'br_features_quicktime',
  'br_features_realplayer',
  'br_features_windowsmedia',
  'br_features_gears',
  'br_features_silverlight',
  'br_cookies',
  'br_colordepth',
  'br_viewwidth',
  'br_viewheight',
  'os_name',
  'os_family',
  'os_manufacturer',
  'os_timezone',
  'dvce_type',
  'dvce_ismobile',
  'dvce_screenwidth',
  'dvce_screenheight',
  'doc_charset',
  'doc_width',
  'doc_height',
  'tr_currency',
  'tr_total_base',
  'tr_tax_base',
  'tr_shipping_base',
  'ti_currency',
  'ti_price_base',
  'base_currency',
  'geo_timezone',
  'mkt_clickid',
  'mkt_network',
  'etl_tags',
  'dvce_sent_tstamp',
  'refr_domain_userid',
  'refr_dvce_tstamp',
  'derived_contexts',
  'domain_sessionid',
  'derived_tstamp',
  'event_vendor',
  'event_name',
  'event_format',
  'event_version',
  'event_fingerprint',
  'true_tstamp',
] as const;

/** One enriched field name. */
export type EnrichedField = (typeof ENRICHED_FIELDS)[number];

/**
 * The enriched event as Micro shows it: timestamps as ISO-8601 strings, numbers and booleans as
 * JSON values, `contexts` / `derived_contexts` as a contexts SDJ or `{}`, `unstruct_event` as an
 * SDJ or `null`, everything absent as `null`.
 */
export type EnrichedEvent = Record<EnrichedField, unknown>;

/** Timestamp fields (ISO-8601 in GoodEvents, `YYYY-MM-DD hh:mm:ss.SSS` in bad rows). */
export const TIMESTAMP_FIELDS: ReadonlySet<EnrichedField> = new Set<EnrichedField>([
  'etl_tstamp',
  'collector_tstamp',
  'dvce_created_tstamp',
  'dvce_sent_tstamp',
  'refr_dvce_tstamp',
  'derived_tstamp',
  'true_tstamp',
]);

/** Decimal fields, which the bad-row `enriched` object carries as strings. */
export const DECIMAL_FIELDS: ReadonlySet<EnrichedField> = new Set<EnrichedField>([
  'se_value',
  'tr_total',
  'tr_tax',
  'tr_shipping',
  'ti_price',
  'tr_total_base',
  'tr_tax_base',
  'tr_shipping_base',
  'ti_price_base',
]);

/** Boolean fields, which the bad-row `enriched` object carries as 0/1 integers. */
export const BOOLEAN_FIELDS: ReadonlySet<EnrichedField> = new Set<EnrichedField>([
  'br_features_pdf',
  'br_features_flash',
  'br_features_java',
  'br_features_director',
  'br_features_quicktime',
  'br_features_realplayer',
  'br_features_windowsmedia',
  'br_features_gears',
  'br_features_silverlight',
  'br_cookies',
  'dvce_ismobile',
]);

/** JSON fields, which the bad-row `enriched` object carries as JSON text. */
export const JSON_FIELDS: ReadonlySet<EnrichedField> = new Set<EnrichedField>([
  'contexts',
  'unstruct_event',
  'derived_contexts',
]);

const TEMPLATE: EnrichedEvent = Object.fromEntries(
  ENRICHED_FIELDS.map((field) => [field, null]),
) as EnrichedEvent;

/** A fresh enriched event with every field `null`, keys in TSV order. */
export function createEmptyEnrichedEvent(): EnrichedEvent {
  return { ...TEMPLATE };
}
