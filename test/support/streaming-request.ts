import http from 'node:http';
import { TEST_ADMIN_KEY } from './test-app';

/**
 * Opens a chunked NDJSON POST to the events endpoint of a listening server, for tests that control
 * when each part of the body is sent. `response` resolves when the server answers.
 */
export function openNdjsonUpload(port: number, networkKey: string) {
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: `/v1/networks/${networkKey}/events`,
    headers: { Authorization: `Bearer ${TEST_ADMIN_KEY}`, 'Content-Type': 'application/x-ndjson' }, // chunked: no Content-Length
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  /** Writes a part of the body, waiting for the socket to drain when its buffer is full. */
  const write = (chunk: string) => new Promise<void>((resolve) => (req.write(chunk) ? resolve() : req.once('drain', resolve)));
  return { req, response, write };
}
