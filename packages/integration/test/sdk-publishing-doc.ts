import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src';

/** The walk-through the SDK end-to-end test follows, so the page and the test cannot drift. */
export const SDK_PUBLISHING = readFileSync(join(repoRoot, 'docs', 'sdk-publishing.md'), 'utf8');

/**
 * The body of the fenced block of docs/sdk-publishing.md titled `title`.
 *
 * @param title - the block's `title="…"`
 */
export function sdkDocBlock(title: string): string {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = SDK_PUBLISHING.match(
    new RegExp(`^\`\`\`\\w* title="${escaped}"\\n([\\s\\S]*?)^\`\`\`$`, 'm'),
  );
  if (!match) throw new Error(`docs/sdk-publishing.md has no block titled "${title}"`);
  return match[1]!;
}
