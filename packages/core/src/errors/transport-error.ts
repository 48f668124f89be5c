import { FloeError } from './floe-error';

/** The codes a {@link TransportError} carries. */
export type TransportErrorCode = 'transport' | 'timeout' | 'insecure_redirect';

/**
 * An attempt that got no usable HTTP status: a refused or reset connection, a DNS or TLS failure,
 * a timeout, an abort, or a redirect the emitter refused to follow (https → http, code
 * `insecure_redirect`). `causeCode` is the system code when one is known (`ECONNREFUSED`,
 * `ECONNRESET`, `ETIMEDOUT`, `ENOTFOUND`, a TLS code such as `DEPTH_ZERO_SELF_SIGNED_CERT`…).
 * The emitter retries all of them unless `retry: false`.
 */
export class TransportError extends FloeError {
  /** The system error code behind the failure, when the runtime exposes one. */
  declare readonly causeCode: string | undefined;
  /** True when the attempt was cut by its deadline (code `timeout`). */
  declare readonly timeout: boolean;

  constructor(
    message: string,
    options: {
      code?: TransportErrorCode;
      causeCode?: string;
      timeout?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(options.code ?? (options.timeout ? 'timeout' : 'transport'), message, {
      cause: options.cause,
    });
    // Assigned here rather than declared as class fields, which bundlers compile to a helper.
    (this as { name: string }).name = 'TransportError';
    this.causeCode = options.causeCode;
    this.timeout = options.timeout === true;
  }
}
