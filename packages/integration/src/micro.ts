import type { MicroBadEvent, MicroCounts, MicroGoodEvent } from '@floe/example-demo';

/** Filters of `POST /micro/good` (local-collector.md §6). */
export interface GoodFilter {
  readonly event_type?: string;
  readonly schema?: string;
  readonly contexts?: readonly string[];
  readonly limit?: number;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** `GET /micro/all`: good, bad and total counts. */
export function microAll(base: string): Promise<MicroCounts> {
  return json(`${base}/micro/all`);
}

/** `POST /micro/good` with filters (or `GET` without). */
export function microGood(base: string, filter?: GoodFilter): Promise<MicroGoodEvent[]> {
  if (filter === undefined) return json(`${base}/micro/good`);
  return json(`${base}/micro/good`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(filter),
  });
}

/** `GET /micro/bad`. */
export function microBad(base: string): Promise<MicroBadEvent[]> {
  return json(`${base}/micro/bad`);
}

/** `GET /micro/reset`: clears good and bad events. */
export async function microReset(base: string): Promise<void> {
  const response = await fetch(`${base}/micro/reset`);
  if (!response.ok) throw new Error(`GET /micro/reset answered ${response.status}`);
  await response.text();
}
