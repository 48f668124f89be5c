import { FloeError } from '../errors/floe-error';

/**
 * A request that got no HTTP status: refused or reset connection, DNS or TLS failure, timeout or
 * abort. `causeCode` is the system code when one is known (`ECONNREFUSED`, `ECONNRESET`, `EPIPE`,
 * `ETIMEDOUT`, `ENOTFOUND`, `EAI_AGAIN`, a TLS code such as `DEPTH_ZERO_SELF_SIGNED_CERT`…), and
 * `timeout` says whether the request was cut by its deadline. The emitter retries all of them,
 * unless `retry: false`.
 */
export class TransportError extends FloeError {
  override readonly name = 'TransportError';
  /** The system error code behind the failure, when the runtime exposes one. */
  readonly causeCode: string | undefined;
  /** True when the request was aborted by its timeout. */
  readonly timeout: boolean;

  constructor(
    message: string,
    options: { causeCode?: string; timeout?: boolean; cause?: unknown } = {},
  ) {
    super(options.timeout ? 'timeout' : 'transport', message, { cause: options.cause });
    this.causeCode = options.causeCode;
    this.timeout = options.timeout ?? false;
  }
}
