export { createEdgeTracker, type EdgeTracker } from './create-edge-tracker';
export type { EdgeTrackerOptions, RequestTrackerOptions } from './edge-tracker-options';
export type { RequestLike } from './request-like';
export { pageFromRequest, type RequestPage, subjectFromRequest } from './subject-from-request';
