import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from './repo-root';

/**
 * The committed self-signed certificate and key for TLS-failure tests (decision 25, N9). Clients
 * that do not trust it fail the handshake, as against a misconfigured collector.
 *
 * @example
 * const server = await startFaultServer({ tls: tlsFixture() });
 */
export function tlsFixture(): { cert: Buffer; key: Buffer } {
  const dir = join(findRepoRoot(), 'packages', 'test-utils', 'fixtures', 'tls');
  return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
}
