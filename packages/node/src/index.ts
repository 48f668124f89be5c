export {
  DiskStoreError,
  type DiskStoreErrorDetails,
  type DiskStoreErrorReason,
} from './errors/disk-store-error';
export { QueueLockedError } from './errors/queue-locked-error';
export type { DiskFs } from './store/disk-fs';
export { createDiskStore, DISK_STORE_DEFAULTS, type DiskStoreOptions } from './store/disk-store';
export {
  makeNodeHttpTransport,
  type NodeHttpTransportOptions,
  type NodeTlsOptions,
} from './transport/node-http-transport';
export { NODE_ADAPTER_VERSION } from './version';
