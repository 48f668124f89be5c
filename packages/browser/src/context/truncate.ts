/**
 * Cuts a value captured from the page to the enriched field's length (tracker protocol §1.4):
 * `url` and `refr` hold 4096 characters, `page` 2000. Longer values would fail the event in the
 * pipeline; a URL cut short is still useful.
 */
export function truncate(value: string | undefined, max: number): string | undefined {
  return value && value.length > max ? value.slice(0, max) : value || undefined;
}
