import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** Writes spec files (name → JSON text or value) into a fresh folder; `remove` deletes it. */
export function writeSpecs(files: Record<string, unknown>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'floe-specs-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
    writeFileSync(join(dir, name), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const CHECKOUT = 'iglu:com.example_company/checkout/jsonschema/1-0-0';
export const CART = 'iglu:com.example_company/cart/jsonschema/1-0-0';
export const PRODUCT = 'iglu:com.example_company/product/jsonschema/1-0-0';

/** A valid Checkout spec like the repository's, to vary in tests. */
export function checkoutSpec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Checkout',
    event: { schema: CHECKOUT },
    entities: [
      { schema: CART, cardinality: '1' },
      { schema: PRODUCT, cardinality: '1..*' },
    ],
    rules: [
      { target: 'event', path: '/currency', enum: ['EUR', 'USD'] },
      { target: 'event', path: '/channel', const: 'web' },
      { target: PRODUCT, path: '/quantity', minimum: 1 },
    ],
    ...overrides,
  };
}
