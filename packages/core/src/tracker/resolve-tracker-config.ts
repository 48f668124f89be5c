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
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  const { namespace, platform, appId, emitters, plugins = [], validate, clock } = options;
  if (typeof namespace !== 'string' || namespace === '') {
    fail('namespace must be a non-empty string');
  }
  if (!isPlatform(platform)) fail(`platform must be a tracker-protocol platform, got ${platform}`);
  if (appId !== undefined && typeof appId !== 'string') fail('appId must be a string');
  if (!Array.isArray(emitters) || emitters.length === 0 || !emitters.every(isEmitter)) {
    fail('emitters must be a non-empty array of emitters (add, flush, shutdown)');
  }
  if (!Array.isArray(plugins) || !plugins.every((p) => typeof p === 'object' && p !== null)) {
    fail('plugins must be an array of plugin objects');
  }
  for (const name of ['onDrop', 'onError', 'generateEventId'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      fail(`${name} must be a function`);
    }
  }
  if (clock !== undefined && typeof clock?.now !== 'function') fail('clock needs now()');
  checkValidation(validate);
  const tv = trackerVersion(options.adapter);
  const header: Record<string, string> = {
    tv,
    tna: configText('namespace', namespace, 128),
    p: platform,
  };
  if (appId) header['aid'] = configText('appId', appId, 255);
  const contexts = createGlobalContextRegistry();
  if (options.globalContexts !== undefined) contexts.add(options.globalContexts);
  return {
    namespace,
    trackerVersion: tv,
    header,
    subject: configured(() => formatSubject(options.subject ?? {}), 'subject: '),
    encodeBase64: options.encodeBase64 ?? emitters.some((emitter) => emitter.method === 'GET'),
    emitters: [...emitters],
    plugins: [...plugins],
    contexts,
    validation: validate,
    reporter: createTrackerReporter(options.onDrop, options.onError),
    clock: clock ?? { now: () => Date.now() },
    generateEventId: options.generateEventId ?? createEventIdGenerator(),
  };
}

function fail(message: string): never {
  throw new FloeError('invalid_config', message);
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
  if (typeof validators !== 'object' || validators === null) {
    fail('validate.validators must be an object');
  }
  if (
    ![undefined, 'throw', 'warn'].includes(onViolation as string) &&
    typeof onViolation !== 'function'
  ) {
    fail("validate.onViolation must be 'throw', 'warn' or a function");
  }
  if (sampleRate !== undefined && !(sampleRate >= 0 && sampleRate <= 1)) {
    fail('validate.sampleRate must be between 0 and 1');
  }
}

function configText(name: string, value: string, max: number): string {
  return configured(() => checkLength(name, toWellFormed(value), max));
}

// An option that would make every event invalid is a configuration error instead.
function configured<T>(format: () => T, prefix = ''): T {
  try {
    return format();
  } catch (error) {
    return fail(prefix + (error as Error).message);
  }
}
