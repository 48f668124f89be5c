/** The values of the `p` key the pipeline accepts (tracker protocol §1.2). */
export type Platform = 'web' | 'srv' | 'mob' | 'pc' | 'app' | 'tv' | 'cnsl' | 'iot' | 'headset';

const PLATFORMS: readonly string[] = [
  'web',
  'srv',
  'mob',
  'pc',
  'app',
  'tv',
  'cnsl',
  'iot',
  'headset',
];

/**
 * Whether `value` is a platform code the pipeline accepts; any other `p` fails the event there.
 *
 * @param value - any value, since JavaScript callers skip the types.
 */
export function isPlatform(value: unknown): value is Platform {
  return PLATFORMS.includes(value as string);
}
