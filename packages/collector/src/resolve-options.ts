import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { CollectorError } from './collector-error';
import type { CollectorOptions, StorageOption } from './collector-options';
import { type ResolvedCookieOptions, resolveCookieOptions } from './http/cookie-options';

/** Collector options with every default applied and every value checked. */
export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  /** Whether the host was chosen by the caller (non-loopback peers are refused otherwise). */
  readonly hostExplicit: boolean;
  readonly schemaDirs: readonly string[];
  /** Event specification folders (none unless `specsDir` names one; the CLI finds a default). */
  readonly specDirs: readonly string[];
  readonly storage: StorageOption;
  readonly clock: () => number;
  readonly idSource: () => string;
  readonly cookie: ResolvedCookieOptions | null;
  readonly maxPayloadSize: number;
  readonly dropPayloadSize: number;
  readonly maxRequestLineLength: number;
  readonly maxHeadersLength: number;
  readonly maxJsonDepth: number;
  readonly idleTimeoutMs: number;
  readonly maxEvents: number | undefined;
  readonly processorName: string;
  readonly onWarning: (message: string) => void;
  readonly onError: (error: unknown) => void;
}

function positiveInteger(
  name: string,
  value: number | undefined,
  fallback: number,
  min = 1,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new CollectorError(
      'invalid_option',
      `${name} must be an integer ≥ ${min}, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Applies defaults (local-collector.md §1) and rejects impossible values with a
 * `CollectorError` (`invalid_option`).
 *
 * @param options - user options
 */
export function resolveOptions(options: CollectorOptions = {}): ResolvedOptions {
  const maxPayloadSize = positiveInteger('maxPayloadSize', options.maxPayloadSize, 1_048_576);
  const dropPayloadSize = positiveInteger('dropPayloadSize', options.dropPayloadSize, 2_097_152);
  if (dropPayloadSize < maxPayloadSize) {
    throw new CollectorError('invalid_option', 'dropPayloadSize must be at least maxPayloadSize');
  }
  const port = positiveInteger('port', options.port, 9090, 0);
  if (port > 65_535)
    throw new CollectorError('invalid_option', `port must be at most 65535, got ${port}`);
  const storage = options.storage ?? 'memory';
  if (
    storage !== 'memory' &&
    (typeof storage !== 'object' || typeof storage.file !== 'string' || !storage.file)
  ) {
    throw new CollectorError('invalid_option', "storage must be 'memory' or { file: string }");
  }
  const schemaDirs = (options.schemaDirs ?? []).map((dir) => resolve(dir));
  if (options.specsDir !== undefined && options.specsDir !== false) {
    if (typeof options.specsDir !== 'string' || !options.specsDir) {
      throw new CollectorError('invalid_option', 'specsDir must be a folder or false');
    }
  }
  return {
    port,
    host: options.host ?? '127.0.0.1',
    hostExplicit: options.host !== undefined,
    schemaDirs,
    specDirs: options.specsDir ? [resolve(options.specsDir)] : [],
    storage,
    clock: options.clock ?? Date.now,
    idSource: options.idSource ?? randomUUID,
    cookie: options.cookie === false ? null : resolveCookieOptions(options.cookie),
    maxPayloadSize,
    dropPayloadSize,
    maxRequestLineLength: positiveInteger(
      'maxRequestLineLength',
      options.maxRequestLineLength,
      20_480,
    ),
    maxHeadersLength: positiveInteger('maxHeadersLength', options.maxHeadersLength, 40_960),
    maxJsonDepth: positiveInteger('maxJsonDepth', options.maxJsonDepth, 40),
    idleTimeoutMs: positiveInteger('idleTimeoutMs', options.idleTimeoutMs, 610_000),
    maxEvents:
      options.maxEvents === undefined
        ? undefined
        : positiveInteger('maxEvents', options.maxEvents, 0),
    processorName: options.processorName ?? 'floe-local-collector',
    onWarning: options.onWarning ?? (() => {}),
    onError: options.onError ?? ((error) => console.error('[floe collector]', error)),
  };
}
