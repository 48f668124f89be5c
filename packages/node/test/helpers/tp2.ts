import type { SeenRequest } from './loopback';

/** The events of a tp2 POST body. */
export function eventsOf(request: SeenRequest): Record<string, string>[] {
  return (JSON.parse(request.body) as { data: Record<string, string>[] }).data;
}

/** Every event the server received, in arrival order. */
export function allEvents(requests: readonly SeenRequest[]): Record<string, string>[] {
  return requests.filter((r) => r.method === 'POST').flatMap(eventsOf);
}
