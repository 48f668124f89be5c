/** Which browser opt-out signals the tracker honours. */
export interface OptOutOptions {
  /** Track nothing when the browser sends Do Not Track (`navigator.doNotTrack === '1'`). */
  readonly respectDoNotTrack?: boolean;
  /** Track nothing when the browser sends Global Privacy Control (`navigator.globalPrivacyControl`). */
  readonly respectGlobalPrivacyControl?: boolean;
}

/** Whether the user opted out through a signal the options say to honour. */
export function isOptedOut(options: OptOutOptions): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return (
    (!!options.respectDoNotTrack && (nav.doNotTrack === '1' || nav.doNotTrack === 'yes')) ||
    (!!options.respectGlobalPrivacyControl && nav.globalPrivacyControl === true)
  );
}
