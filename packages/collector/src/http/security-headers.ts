import type { ResponseHeaders } from './responses';

/**
 * Headers of every `/micro/*` answer: no MIME sniffing (event data is untrusted text), no
 * referrer leaking the local URL, and no embedding of the answers by other origins.
 */
export const MICRO_SECURITY_HEADERS: ResponseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The UI's Content-Security-Policy: its own files only, no inline script or style, no plugins,
 * and no framing (`frame-ancestors 'none'`), so neither injected markup in event data nor a
 * hostile page framing the UI (clickjacking the Reset button) can act.
 */
export const UI_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every `/micro/ui` answer: the Micro ones, the CSP, and the older framing guard. */
export const UI_SECURITY_HEADERS: ResponseHeaders = {
  ...MICRO_SECURITY_HEADERS,
  'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
};
