import type { DataReport, FailureMessage } from './failure-message';

/**
 * The most failure messages one bad row keeps. One request can fail in as many ways as it has
 * items (a 1 MB body of 90,000 bare events gave 180,000 messages and a 44 MB row), so the
 * first ones are kept and the rest counted: the first few already say what is wrong.
 */
export const MAX_FAILURE_MESSAGES = 100;

/** The most data reports one Iglu `ValidationError` keeps, for the same reason. */
export const MAX_DATA_REPORTS = 100;

/**
 * The message that stands for the messages left out. It uses the `{field, value, error}` branch,
 * which every bad-row schema with `messages[]` accepts (their `failure` objects allow no extra
 * property for a count).
 *
 * @param omitted - how many messages were left out
 */
export function omittedMessages(omitted: number): FailureMessage {
  return {
    field: 'messages',
    value: String(omitted),
    error: `${omitted} more failure messages were left out: a bad row keeps the first ${MAX_FAILURE_MESSAGES}`,
  };
}

/**
 * The first `MAX_FAILURE_MESSAGES` messages, plus one counting the rest when there are more.
 *
 * @param messages - every message, in order
 */
export function capMessages<T extends FailureMessage>(
  messages: readonly T[],
): readonly (T | FailureMessage)[] {
  if (messages.length <= MAX_FAILURE_MESSAGES) return messages;
  return [
    ...messages.slice(0, MAX_FAILURE_MESSAGES),
    omittedMessages(messages.length - MAX_FAILURE_MESSAGES),
  ];
}

/**
 * The first `MAX_DATA_REPORTS` reports, plus one (path, keyword and targets `null`) counting the
 * rest when there are more. Takes any list and a mapper, so a long list of validator issues is
 * never mapped in full.
 *
 * @param items - the reports, or what they are made from
 * @param toReport - turns one item into a report
 */
export function capDataReports<T>(
  items: readonly T[],
  toReport: (item: T) => DataReport,
): DataReport[] {
  const kept = items.slice(0, MAX_DATA_REPORTS).map(toReport);
  const omitted = items.length - kept.length;
  if (omitted > 0) {
    kept.push({
      message: `${omitted} more violations were left out: a report keeps the first ${MAX_DATA_REPORTS}`,
      path: null,
      keyword: null,
      targets: null,
    });
  }
  return kept;
}
