import {
  createGlobalContextRegistry,
  type GlobalContextRegistry,
} from '../contexts/global-context-registry';
import type { Emitter } from '../emitter/emitter';
import { FloeError } from '../errors/floe-error';
import type { TrackerPlugin } from '../plugins/tracker-plugin';
import { checkLength } from '../protocol/format-field';
import { isPlatform } from '../protocol/platform-code';
import { toWellFormed } from '../protocol/well-formed';
import { formatSubject } from '../subject/format-subject';
import type { ValidationOptions } from '../validation/validation-options';
import { createEventIdGenerator } from './create-event-id-generator';
import type { TrackerOptions } from './tracker-options';
import { createTrackerReporter, type TrackerReporter } from './tracker-reporter';
import { trackerVersion } from './tracker-version';

/** Tracker options checked and prepared once, so `track` only reads them. */
export interface TrackerConfig {
  readonly namespace: string;
  readonly trackerVersion: string;
  /** `tv`, `tna`, `p` and `aid`: the keys every event starts with. */
  readonly header: Readonly<Record<string, string>>;
  /** The tracker's subject, formatted as payload keys. */
  readonly subject: Readonly<Record<string, string>>;
  readonly encodeBase64: boolean;
  readonly emitters: readonly Emitter[];
  readonly plugins: readonly TrackerPlugin[];
  readonly contexts: GlobalContextRegistry;
  readonly validation: ValidationOptions | undefined;
  readonly reporter: TrackerReporter;
  readonly clock: { now(): number };
  readonly generateEventId: () => string;
}

/**
 * Checks tracker options and prepares them. Creation is the one place a tracker may throw.
 *
 * @param options - as given to `createTracker`.
 * @throws FloeError (`invalid_config`) naming the first option that cannot work.
 */
export function resolveTrackerConfig(options: TrackerOptions): TrackerConfig {
  const given: Partial<TrackerOptions> = options ?? {};
  const { namespace, platform, appId, emitters, plugins = [], validate, clock = Date } = given;
  const { validators, onViolation, sampleRate = 1 } = validate ?? { validators: {} };
  // Each option with what it must be: the first that is not fails creation.
  const checks: [boolean, string][] = [
    [typeof namespace === 'string', 'namespace: expected a string'],
    [isPlatform(platform), `platform: ${platform} is not a tracker-protocol platform`],
    [appId === undefined || typeof appId === 'string', 'appId: expected a string'],
    [
      Array.isArray(emitters) && emitters.length > 0 && emitters.every(isEmitter),
      'emitters: expected a non-empty list of emitters',
    ],
    [Array.isArray(plugins) && plugins.every(isObject), 'plugins: expected a list of objects'],
    [isFunction(clock?.now), 'clock: expected an object with now()'],
    [isObject(validators), 'validate.validators: expected an object'],
    [
      [undefined, 'throw', 'warn'].includes(onViolation as string) || isFunction(onViolation),
      "validate.onViolation: expected 'throw', 'warn' or a function",
    ],
    [sampleRate >= 0 && sampleRate <= 1, 'validate.sampleRate: expected 0 to 1'],
    ...(['onDrop', 'onError', 'generateEventId'] as const).map((name): [boolean, string] => [
      given[name] === undefined || isFunction(given[name]),
      `${name}: expected a function`,
    ]),
  ];
  for (const [ok, message] of checks) if (!ok) fail(message);
  const tv = trackerVersion(given.adapter);
  const header: Record<string, string> = {
    tv,
    tna: configured(() => text('namespace', namespace!, 128)),
    p: platform!,
  };
  if (appId) header['aid'] = configured(() => text('appId', appId, 255));
  const contexts = createGlobalContextRegistry();
  if (given.globalContexts !== undefined) contexts.add(given.globalContexts);
  return {
    namespace: namespace!,
    trackerVersion: tv,
    header,
    subject: configured(() => formatSubject(given.subject ?? {}), 'subject: '),
    encodeBase64: given.encodeBase64 ?? emitters!.some((emitter) => emitter.method === 'GET'),
    emitters: [...emitters!],
    plugins: [...plugins],
    contexts,
    validation: validate,
    reporter: createTrackerReporter(given.onDrop, given.onError),
    clock,
    generateEventId: given.generateEventId ?? createEventIdGenerator(),
  };
}

function fail(message: string): never {
  throw new FloeError('invalid_config', message);
}

function isEmitter(value: Emitter): boolean {
  return [value?.add, value?.flush, value?.shutdown].every(isFunction);
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

// A non-empty, well-formed text of at most `max` characters.
function text(key: string, value: string, max: number): string {
  return checkLength(key, toWellFormed(value) || fail(`${key}: expected a non-empty string`), max);
}

// An option that would make every event invalid is a configuration error instead.
function configured<T>(format: () => T, prefix = ''): T {
  try {
    return format();
  } catch (error) {
    return fail(prefix + (error as Error).message);
  }
}
