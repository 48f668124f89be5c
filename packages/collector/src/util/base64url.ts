const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Decodes base64url (or standard base64), padded or not, as the pipeline does. Node's decoder
 * silently skips invalid characters, so the alphabet and length are checked first.
 *
 * @param text - the encoded value
 * @returns the bytes, or an error message
 */
export function decodeBase64Url(text: string): { bytes: Uint8Array } | { error: string } {
  const unpadded = text.replace(/=+$/, '');
  if (!BASE64.test(text) || text.length - unpadded.length > 2) {
    return {
      error: 'not valid base64url: only A-Z a-z 0-9 - _ (or + /) and up to two "=" allowed',
    };
  }
  if (unpadded.length % 4 === 1) {
    return {
      error: `not valid base64url: a length of ${unpadded.length} characters cannot be decoded`,
    };
  }
  return { bytes: Buffer.from(unpadded, 'base64url') };
}
