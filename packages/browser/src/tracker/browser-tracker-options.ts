import type {
  DropReport,
  EmitterOptions,
  FloeError,
  GlobalContext,
  Platform,
  SubjectFields,
  TrackerPlugin,
  ValidationOptions,
} from '@floe/core';
import type { IdentityOptions } from '../identity/create-identity';
import type { OptOutOptions } from '../privacy/is-opted-out';
import type { QueueOptions } from '../queue/create-local-storage-store';

/** Consent to tracking: events flow, wait (queued, not sent, no cookie written), or are discarded. */
export type ConsentState = 'granted' | 'pending' | 'denied';

/** Options of `createBrowserTracker`. Only `endpoint` and `namespace` are required. */
export interface BrowserTrackerOptions extends IdentityOptions, OptOutOptions, QueueOptions {
  /** The collector's base URL, e.g. `https://collector.example.com`. */
  readonly endpoint: string;
  /** Application id (`aid`). */
  readonly appId?: string;
  /** Platform (`p`). Default `web`. */
  readonly platform?: Platform;
  /**
   * Anonymous tracking: no cookies, no `duid`/`sid`/`vid`, no `client_session` entity, and every
   * request carries `SP-Anonymous: *` so the collector stores no IP or network id.
   */
  readonly anonymous?: boolean;
  /** Initial consent. Default `granted`; change it later with `setConsent`. */
  readonly consent?: ConsentState;
  /** Attach the `web_page` entity (page view id). Default true. */
  readonly webPageContext?: boolean;
  /** Attach the `client_session` 1-0-2 entity. Default true (never when anonymous). */
  readonly sessionContext?: boolean;
  /**
   * Emitter settings (method, batching, retries, callbacks…). Defaults differ from core's for pages:
   * `flushAt: 1`, so events leave as they happen.
   */
  readonly emitter?: Partial<Omit<EmitterOptions, 'endpoint' | 'store'>>;
  /** The tracker's subject; the browser's own keys (`res`, `vp`…) and the ids are added to it. */
  readonly subject?: SubjectFields;
  readonly plugins?: readonly TrackerPlugin[];
  readonly globalContexts?: readonly GlobalContext[] | Readonly<Record<string, GlobalContext>>;
  readonly validate?: ValidationOptions;
  /** Events given up on, at track time or in delivery. */
  readonly onDrop?: (report: DropReport) => void;
  readonly onError?: (error: FloeError) => void;
}
