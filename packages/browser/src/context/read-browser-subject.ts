import type { SubjectFields } from '@floe/core';

type Dimensions = NonNullable<SubjectFields['viewport']>;

/**
 * The device and document keys of every event (`res`, `vp`, `ds`, `cd`, `tz`, `lang`, `cs`,
 * `cookie`), read when the event is tracked so a resized window or a grown page shows up.
 */
export function readBrowserSubject(): SubjectFields {
  const root = document.documentElement;
  const body = document.body;
  return {
    screenResolution: size(screen.width, screen.height),
    viewport: size(innerWidth, innerHeight),
    documentSize: size(
      Math.max(root.scrollWidth, body?.scrollWidth ?? 0),
      Math.max(root.scrollHeight, body?.scrollHeight ?? 0),
    ),
    colorDepth: screen.colorDepth,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    language: navigator.language,
    charset: document.characterSet,
    cookiesEnabled: navigator.cookieEnabled,
  };
}

// A hidden iframe can report 0 × 0, which says nothing and is left out; core rounds fractions.
function size(width: number, height: number): Dimensions | undefined {
  return width > 0 && height > 0 ? [width, height] : undefined;
}
