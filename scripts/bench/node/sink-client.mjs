// Talks to the sink over node:http (not fetch), so a scenario process loads nothing the tracker
// under test would not load itself.
import { request } from 'node:http';

function call(port, method, path) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { connection: 'close' } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(new Error(`sink answered ${res.statusCode} to ${method} ${path}`));
            return;
          }
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Reads the sink's event count alone: cheap for the sink, for polling while delivery is timed. */
export const sinkCount = (port) => call(port, 'GET', '/count');

/** Reads the sink's counters (duplicates checked first, which costs the sink ~25 ms per 100k). */
export const sinkStats = (port) => call(port, 'GET', '/stats');

/** Clears the sink's counters and sets how long it waits before answering an event request. */
export const resetSink = (port, delayMs = 0) => call(port, 'POST', `/reset?delayMs=${delayMs}`);
