export {
  createRequestContext,
  type RequestContext,
  withRequestSubject,
} from './context/request-context';
export {
  type SubjectFromRequestOptions,
  subjectFromRequest,
} from './context/subject-from-request';
export {
  DiskStoreError,
  type DiskStoreErrorDetails,
  type DiskStoreErrorReason,
} from './errors/disk-store-error';
export { QueueLockedError } from './errors/queue-locked-error';
export type { DiskFs } from './store/disk-fs';
export { createDiskStore, DISK_STORE_DEFAULTS, type DiskStoreOptions } from './store/disk-store';
export { createNodeTracker } from './tracker/create-node-tracker';
export type { NodeTrackerOptions } from './tracker/node-tracker-options';
export {
  makeNodeHttpTransport,
  type NodeHttpTransportOptions,
  type NodeProxyOption,
  type NodeTlsOptions,
} from './transport/node-http-transport';
export { NODE_ADAPTER_VERSION } from './version';
