export { type GoodFilter, microAll, microBad, microGood, microReset } from './micro';
export { postRaw, type RawResponse } from './post-raw';
export { repoRoot, repoSchemas } from './repo-paths';
export {
  type CountingProxy,
  type ProxiedRequest,
  startCountingProxy,
} from './start-counting-proxy';
export { startTestCollector, type TestCollector } from './start-test-collector';
export { TP2_CONTENT_TYPE, TP2_PATH, tp2Body, tp2Event } from './tp2';
