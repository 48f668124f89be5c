import type { DataReport } from '../badrows/failure-message';
import {
  createEmptyEnrichedEvent,
  type EnrichedEvent,
  type EnrichedField,
} from '../enriched/enriched-fields';
import { toIsoTimestamp } from '../util/timestamps';
import { isUuid } from '../util/uuid';
import {
  type Conversion,
  toDecimal,
  toDimensions,
  toEventName,
  toFlag,
  toInteger,
  toPlatform,
  toTimestamp,
  toUuid,
} from './atomic-conversions';
import type { ProcessingConfig } from './processing-config';
import type { RequestContext } from './request-context';

/** Parameters copied as strings (an empty value counts as absent). */
const STRING_FIELDS: readonly (readonly [string, EnrichedField])[] = [
  ['aid', 'app_id'],
  ['tna', 'name_tracker'],
  ['tv', 'v_tracker'],
  ['uid', 'user_id'],
  ['duid', 'domain_userid'],
  ['fp', 'user_fingerprint'],
  ['page', 'page_title'],
  ['refr', 'page_referrer'],
  ['se_ca', 'se_category'],
  ['se_ac', 'se_action'],
  ['se_la', 'se_label'],
  ['se_pr', 'se_property'],
  ['tr_id', 'tr_orderid'],
  ['tr_af', 'tr_affiliation'],
  ['tr_ci', 'tr_city'],
  ['tr_st', 'tr_state'],
  ['tr_co', 'tr_country'],
  ['tr_cu', 'tr_currency'],
  ['ti_id', 'ti_orderid'],
  ['ti_sk', 'ti_sku'],
  ['ti_ca', 'ti_category'],
  ['ti_cu', 'ti_currency'],
  ['lang', 'br_lang'],
  ['cs', 'doc_charset'],
  ['cd', 'br_colordepth'],
  ['tz', 'os_timezone'],
];

/** Parameters converted to a typed field; an empty value is a conversion error, as in enrich. */
const TYPED_FIELDS: readonly (readonly [string, EnrichedField, (raw: string) => Conversion])[] = [
  ['e', 'event', toEventName],
  ['p', 'platform', toPlatform],
  ['dtm', 'dvce_created_tstamp', toTimestamp],
  ['stm', 'dvce_sent_tstamp', toTimestamp],
  ['ttm', 'true_tstamp', toTimestamp],
  ['sid', 'domain_sessionid', toUuid],
  ['vid', 'domain_sessionidx', toInteger],
  ['tid', 'txn_id', toInteger],
  ['pp_mix', 'pp_xoffset_min', toInteger],
  ['pp_max', 'pp_xoffset_max', toInteger],
  ['pp_miy', 'pp_yoffset_min', toInteger],
  ['pp_may', 'pp_yoffset_max', toInteger],
  ['ti_qu', 'ti_quantity', toInteger],
  ['se_va', 'se_value', toDecimal],
  ['tr_tt', 'tr_total', toDecimal],
  ['tr_tx', 'tr_tax', toDecimal],
  ['tr_sh', 'tr_shipping', toDecimal],
  ['ti_pr', 'ti_price', toDecimal],
  ['cookie', 'br_cookies', toFlag],
  ['f_pdf', 'br_features_pdf', toFlag],
  ['f_qt', 'br_features_quicktime', toFlag],
  ['f_realp', 'br_features_realplayer', toFlag],
  ['f_wma', 'br_features_windowsmedia', toFlag],
  ['f_dir', 'br_features_director', toFlag],
  ['f_fla', 'br_features_flash', toFlag],
  ['f_java', 'br_features_java', toFlag],
  ['f_gears', 'br_features_gears', toFlag],
  ['f_ag', 'br_features_silverlight', toFlag],
];

const DIMENSION_FIELDS: readonly (readonly [string, EnrichedField, EnrichedField])[] = [
  ['res', 'dvce_screenwidth', 'dvce_screenheight'],
  ['vp', 'br_viewwidth', 'br_viewheight'],
  ['ds', 'doc_width', 'doc_height'],
];

/** The device and true timestamps in epoch ms, when present and valid (for derived_tstamp). */
export interface EventTimes {
  readonly created?: number;
  readonly sent?: number;
  readonly true?: number;
}

/** The result of step 8: the event so far, its timestamps, and every mapping error. */
export interface AtomicMapping {
  readonly event: EnrichedEvent;
  readonly times: EventTimes;
  readonly reports: DataReport[];
}

function report(
  param: string,
  field: string,
  raw: string | undefined,
  expected: string,
  keyword: string,
): DataReport {
  const found =
    raw === undefined
      ? 'nothing'
      : JSON.stringify(raw.length > 200 ? `${raw.slice(0, 200)}…` : raw);
  return {
    message: `${param} (${field}): expected ${expected}, found ${found}`,
    path: `/${param}`,
    keyword,
    targets: [param],
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/**
 * Step 8 and the collector-set fields of §8: maps tracker parameters to enriched fields and
 * collects every conversion error (local-collector.md §4.3). A field that fails stays `null`.
 *
 * @param params - the event's merged parameters
 * @param ctx - the request context
 * @param config - processing configuration
 */
export function mapAtomicFields(
  params: Readonly<Record<string, string>>,
  ctx: RequestContext,
  config: ProcessingConfig,
): AtomicMapping {
  const event = createEmptyEnrichedEvent();
  const reports: DataReport[] = [];
  for (const [param, field] of STRING_FIELDS) event[field] = nonEmpty(params[param]);
  for (const [param, field, convert] of TYPED_FIELDS) {
    const raw = params[param];
    if (raw === undefined) continue;
    const result = convert(raw);
    if ('value' in result) event[field] = result.value;
    else reports.push(report(param, field, raw, result.expected, result.keyword));
  }
  for (const [param, width, height] of DIMENSION_FIELDS) {
    const raw = params[param];
    if (raw === undefined) continue;
    const result = toDimensions(raw);
    if ('value' in result) [event[width], event[height]] = result.value as [number, number];
    else reports.push(report(param, `${width}/${height}`, raw, result.expected, result.keyword));
  }
  if (params['e'] === undefined)
    reports.push(report('e', 'event', undefined, 'an event type', 'required'));
  // A missing or invalid eid still gets an id, so the incomplete event can be found.
  const eid = params['eid'];
  const eidValid = eid !== undefined && isUuid(eid);
  if (eid !== undefined && !eidValid)
    reports.push(report('eid', 'event_id', eid, 'a UUID', 'format'));
  event['event_id'] = eidValid ? eid : config.idSource();
  event['ti_name'] = nonEmpty(params['ti_nm']) ?? nonEmpty(params['ti_na']);
  const processor = `${config.processorName}-${config.processorVersion}`;
  event['v_collector'] = nonEmpty(params['cv']) ?? processor;
  event['v_etl'] = processor;
  event['collector_tstamp'] = toIsoTimestamp(ctx.receivedAt);
  event['etl_tstamp'] = toIsoTimestamp(config.clock());
  event['user_ipaddress'] = nonEmpty(params['ip']) ?? ctx.context.ipAddress;
  event['useragent'] = nonEmpty(params['ua']) ?? ctx.context.useragent;
  event['network_userid'] =
    nonEmpty(params['tnuid']) ?? nonEmpty(params['nuid']) ?? ctx.context.userId;
  event['page_url'] = nonEmpty(params['url']) ?? ctx.context.refererUri;
  const ms = (param: string, field: EnrichedField) =>
    event[field] === null ? undefined : Number(params[param]);
  const times = {
    created: ms('dtm', 'dvce_created_tstamp'),
    sent: ms('stm', 'dvce_sent_tstamp'),
    true: ms('ttm', 'true_tstamp'),
  };
  return { event, times, reports };
}
