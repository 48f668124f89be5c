import type { Socket } from 'node:net';

function rawResponse(status: string, text: string): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`;
}

const METHOD = /^[A-Z]+ /;

/**
 * Whether an oversized head is an oversized request line. `rawPacket` may hold only the part of
 * the head that was being parsed: a packet that starts with a method shows the line's length;
 * one that starts inside the head is a request line unless its first line is a header.
 */
function requestLineTooLong(packet: Buffer | undefined, max: number): boolean {
  if (!packet) return false;
  const lineEnd = packet.indexOf('\r\n');
  const firstLine = packet
    .subarray(0, lineEnd < 0 ? Math.min(packet.byteLength, 256) : lineEnd)
    .toString('latin1');
  if (METHOD.test(firstLine)) return lineEnd < 0 || lineEnd > max;
  return lineEnd < 0 || !firstLine.includes(': ');
}

/**
 * Answers requests Node's parser rejected before any handler ran. A head larger than the
 * parser's limit is 414 when its request line alone is over `maxRequestLineLength`, else 431;
 * other parse errors are 400. Sockets that are already gone are just destroyed.
 *
 * @param maxRequestLineLength - the request-line limit in bytes
 */
export function createClientErrorHandler(maxRequestLineLength: number) {
  return (error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    let response = rawResponse('400 Bad Request', 'bad request');
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      response = requestLineTooLong(error.rawPacket, maxRequestLineLength)
        ? rawResponse('414 URI Too Long', 'request line too long')
        : rawResponse('431 Request Header Fields Too Large', 'request headers too large');
    }
    socket.end(response);
  };
}
