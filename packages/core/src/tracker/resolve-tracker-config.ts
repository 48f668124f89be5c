import { GlobalContextRegistry } from '../contexts/global-context-registry';
import type { Emitter } from '../emitter/emitter';
import { checkLength } from '../payload/format-field';
import { InvalidEventError } from '../payload/invalid-event-error';
import { toWellFormed } from '../payload/well-formed';
import type { Clock } from '../platform/clock';
import { createSystemClock } from '../platform/system-clock';
import type { TrackerPlugin } from '../plugins/tracker-plugin';
import { formatSubject, isPlatform, type SubjectPayload } from '../subject/format-subject';
import type { ValidationOptions } from '../validation-options';
import { createEventIdGenerator } from './create-event-id-generator';
import { TrackerConfigError } from './tracker-config-error';
import type { TrackerOptions } from './tracker-options';
import { TrackerReporter } from './tracker-reporter';
import { trackerVersion } from './tracker-version';

/** Tracker options checked and prepared once, so `track` only reads them. */
export interface TrackerConfig {
  readonly namespace: string;
  readonly trackerVersion: string;
  /** `tv`, `tna`, `aid` and `p`: the keys every event starts with. */
  readonly header: Readonly<Record<string, string>>;
  readonly subject: SubjectPayload;
  readonly encodeBase64: boolean;
  readonly emitters: readonly Emitter[];
  readonly plugins: readonly TrackerPlugin[];
  readonly contexts: GlobalContextRegistry;
  readonly validation: ValidationOptions | undefined;
  readonly reporter: TrackerReporter;
  readonly clock: Pick<Clock, 'now'>;
  readonly generateEventId: () => string;
  /** Ids come from Floe's own generator: UUIDs, which need no escaping in JSON text. */
  readonly plainEventIds: boolean;
}

/**
 * Checks tracker options and prepares them. Creation is the one place a tracker may throw.
 *
 * @param options - as given to `createTracker`.
 * @throws TrackerConfigError (code `invalid_config`) naming the first option that cannot work.
 */
export function resolveTrackerConfig(options: TrackerOptions): TrackerConfig {
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  const { namespace, platform, appId, emitters, plugins = [], validate } = options;
  if (typeof namespace !== 'string' || namespace === '')
    fail('namespace must be a non-empty string');
  if (!isPlatform(platform))
    fail(`platform must be a tracker-protocol platform, got ${String(platform)}`);
  if (appId !== undefined && typeof appId !== 'string') fail('appId must be a string');
  if (!Array.isArray(emitters) || emitters.length === 0 || !emitters.every(isEmitter)) {
    fail('emitters must be a non-empty array of emitters (add, flush, shutdown)');
  }
  if (!Array.isArray(plugins) || !plugins.every((p) => typeof p === 'object' && p !== null)) {
    fail('plugins must be an array of plugin objects');
  }
  for (const name of ['onDrop', 'onError', 'generateEventId'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function')
      fail(`${name} must be a function`);
  }
  if (options.clock !== undefined && typeof options.clock?.now !== 'function')
    fail('clock needs now()');
  checkValidation(validate);
  const tv = trackerVersion(options.adapter);
  const header: Record<string, string> = {
    tv,
    tna: configText('namespace', namespace, 128),
    p: platform,
  };
  if (appId) header['aid'] = configText('appId', appId, 255);
  const contexts = new GlobalContextRegistry();
  if (options.globalContexts !== undefined) contexts.add(options.globalContexts);
  return {
    namespace,
    trackerVersion: tv,
    header,
    subject: configSubject(options),
    encodeBase64: options.encodeBase64 ?? emitters.some((emitter) => emitter.method === 'GET'),
    emitters: [...emitters],
    plugins: [...plugins],
    contexts,
    validation: validate,
    reporter: new TrackerReporter(options.onDrop, options.onError),
    clock: options.clock ?? createSystemClock(),
    generateEventId: options.generateEventId ?? createEventIdGenerator(),
    plainEventIds: options.generateEventId === undefined,
  };
}

function fail(message: string): never {
  throw new TrackerConfigError(message);
}

function isEmitter(value: unknown): value is Emitter {
  const emitter = value as Partial<Emitter> | null;
  return (
    typeof emitter?.add === 'function' &&
    typeof emitter.flush === 'function' &&
    typeof emitter.shutdown === 'function'
  );
}

function checkValidation(validate: ValidationOptions | undefined): void {
  if (validate === undefined) return;
  const { validators, onViolation, sampleRate } = validate;
  if (typeof validators !== 'object' || validators === null)
    fail('validate.validators must be an object');
  if (
    onViolation !== undefined &&
    onViolation !== 'throw' &&
    onViolation !== 'warn' &&
    typeof onViolation !== 'function'
  ) {
    fail("validate.onViolation must be 'throw', 'warn' or a function");
  }
  if (sampleRate !== undefined && !(sampleRate >= 0 && sampleRate <= 1)) {
    fail('validate.sampleRate must be between 0 and 1');
  }
}

function configText(name: string, value: string, max: number): string {
  try {
    return checkLength(name, toWellFormed(value), max);
  } catch (error) {
    throw new TrackerConfigError((error as Error).message);
  }
}

function configSubject(options: TrackerOptions): SubjectPayload {
  if (options.subject === undefined) return {};
  try {
    return formatSubject(options.subject);
  } catch (error) {
    if (error instanceof InvalidEventError)
      throw new TrackerConfigError(`subject: ${error.message}`);
    throw error;
  }
}
