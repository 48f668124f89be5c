// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum zip and PNG use. A lookup
// table keeps it at one table read per byte; records are small, so this is not a bottleneck.
const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * Computes the CRC-32 of `bytes`, continuing from `previous` when a checksum spans several
 * buffers.
 *
 * @param bytes - the data.
 * @param previous - the CRC of the data before `bytes` (0 to start).
 * @returns the unsigned 32-bit checksum.
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}
