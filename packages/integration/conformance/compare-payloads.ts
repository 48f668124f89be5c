// How the conformance run compares one runtime's events with another's: what may differ (ids,
// timestamps, `tv`, `aid` and the subject the runtime knows) is set aside, self-describing JSON is
// decoded whichever encoding the tracker chose, and only the scenario's own entities are compared
// (a browser adds its web_page and client_session entities, which are part of its subject).

/** Keys whose values differ by design between runs and runtimes. */
const VARYING = new Set(['eid', 'dtm', 'stm', 'tv', 'aid', 'p']);

/** Keys that describe the subject: the device, page, user or request a runtime knows about. */
const SUBJECT = new Set([
  'uid',
  'ip',
  'ua',
  'lang',
  'tz',
  'res',
  'vp',
  'cd',
  'ds',
  'cs',
  'cookie',
  'url',
  'refr',
  'page',
  'duid',
  'sid',
  'vid',
  'nuid',
  'tnuid',
  'dtz',
]);

/** The scenario's own entity schemas (others, such as a browser's web_page and client_session, are subject). */
const SCENARIO_ENTITIES = [/\/save-game\/jsonschema\//];

type Json = Record<string, unknown>;

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function selfDescribing(
  parameters: Record<string, string>,
  plain: string,
  encoded: string,
): Json | undefined {
  if (parameters[plain] !== undefined) return JSON.parse(parameters[plain]) as Json;
  if (parameters[encoded] !== undefined)
    return JSON.parse(decodeBase64Url(parameters[encoded])) as Json;
  return undefined;
}

/** The runtime-independent part of one event as the collector received it. */
export interface ComparableEvent {
  /** Every key the event carried, except subject keys and the self-describing pairs' spelling. */
  readonly keys: readonly string[];
  /** The values of those keys, minus the ones that vary by design. */
  readonly fields: Readonly<Record<string, string>>;
  readonly event?: Json;
  readonly entities: readonly Json[];
}

/** Reduces a raw event's parameters to what must be identical on every runtime. */
export function comparable(parameters: Record<string, string>): ComparableEvent {
  const fields: Record<string, string> = {};
  const keys: string[] = [];
  for (const [key, value] of Object.entries(parameters)) {
    if (SUBJECT.has(key) || ['co', 'cx', 'ue_pr', 'ue_px'].includes(key)) continue;
    keys.push(key);
    if (!VARYING.has(key)) fields[key] = value;
  }
  const contexts = selfDescribing(parameters, 'co', 'cx');
  const all = (contexts?.data as Json[] | undefined) ?? [];
  const entities = all.filter((entity) =>
    SCENARIO_ENTITIES.some((pattern) => pattern.test(String(entity.schema))),
  );
  return {
    keys: keys.sort(),
    fields,
    event: selfDescribing(parameters, 'ue_pr', 'ue_px'),
    entities,
  };
}

/**
 * A stable name for an event of the scenario, so two runtimes' events can be paired whatever order
 * they arrived in: the event type plus the field that tells the scenario's events of that type apart.
 */
export function scenarioKey(parameters: Record<string, string>): string {
  const event = selfDescribing(parameters, 'ue_pr', 'ue_px');
  const inner = (event?.data ?? {}) as Json;
  const data = (inner.data ?? {}) as Json;
  const detail =
    parameters.ti_sk ??
    parameters.tr_id ??
    parameters.se_ac ??
    (data.save_id as string | undefined) ??
    '';
  return [parameters.e, inner.schema ?? '', detail].join(' ');
}
