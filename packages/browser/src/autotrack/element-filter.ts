/** A rule picking elements: any of these CSS classes, or a predicate. */
export type ElementRule = readonly string[] | ((element: Element) => boolean);

/** Which elements an autotracker looks at: those the `allow` rule matches (all when absent) and `deny` does not. */
export interface ElementFilter {
  readonly allow?: ElementRule;
  readonly deny?: ElementRule;
}

/** Whether `element` passes `filter`. */
export function passesFilter(element: Element, filter: ElementFilter = {}): boolean {
  const matches = (rule: ElementRule) =>
    typeof rule === 'function'
      ? rule(element)
      : rule.some((name) => element.classList.contains(name));
  return (!filter.allow || matches(filter.allow)) && !(filter.deny && matches(filter.deny));
}
