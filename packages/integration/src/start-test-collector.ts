import { startCollector } from '@floe/collector';
import { repoSchemas } from './repo-paths';

/** A collector on a free loopback port with memory storage and the repo's schemas. */
export type TestCollector = Awaited<ReturnType<typeof startCollector>>;

/**
 * Starts the embedded collector the way every integration test uses it: port 0, loopback, memory
 * storage, and the repo's `schemas/` before the bundled standard schemas.
 */
export function startTestCollector(): Promise<TestCollector> {
  return startCollector({
    port: 0,
    host: '127.0.0.1',
    schemaDirs: [repoSchemas],
    storage: 'memory',
  });
}
