/**
 * Formats igluctl 0.13 knows. Parity quirk, mimicked on purpose: its parser matches the
 * misspelling `ivp6` instead of `ipv6`, so a real `ipv6` is reported by `unknownFormats` (and
 * counts as no format for `stringLength`), while `ivp6` passes. The validators themselves
 * enforce the real `ipv6`; only the lint findings follow igluctl.
 */
export const IGLUCTL_KNOWN_FORMATS: ReadonlySet<string> = new Set([
  'uri',
  'ipv4',
  'ivp6',
  'email',
  'date-time',
  'date',
  'hostname',
  'uuid',
]);
