/**
 * A superagent response parser for routes that may answer a Server-Sent Events stream, which never
 * ends: an event stream is read until its first complete event (a block ending with a blank line
 * that carries `data:`), then closed; any other answer (JSON, CSV, a problem) is read whole. Sets
 * `text` as superagent's own parsers do, and answers the text read.
 */
export function untilFirstEvent(res: unknown, callback: (err: Error | null, body: string) => void): void {
  const stream = res as NodeJS.ReadableStream & { headers: Record<string, string | undefined>; text?: string; destroy(): void };
  const streaming = /^text\/event-stream/.test(stream.headers['content-type'] ?? '');
  let text = '';
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    stream.text = text;
    callback(null, text);
  };
  stream.on('data', (chunk: Buffer | string) => {
    text += chunk.toString();
    if (!streaming || !/(^|\n)data:[^\n]*\n\n/.test(text)) return;
    finish();
    stream.destroy();
  });
  stream.on('end', finish);
  stream.on('error', finish);
}
