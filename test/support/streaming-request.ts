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
  /**
   * Writes a part of the body, waiting for the socket to drain when its buffer is full. Fails when
   * the request ends first (the server answered early or cut the connection): a destroyed socket
   * never drains, and waiting for it would hang the test until its timeout with no reason given.
   */
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      if (req.destroyed) return reject(new Error('the upload was closed before its body was sent'));
      if (req.write(chunk)) return resolve();
      const closed = () => reject(new Error('the upload was closed before its body was sent'));
      req.once('close', closed);
      req.once('drain', () => {
        req.off('close', closed);
        resolve();
      });
    });
  return { req, response, write };
}
