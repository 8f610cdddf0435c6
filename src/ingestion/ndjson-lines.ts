import type { Readable } from 'node:stream';

export type NdjsonLine = { line: number; kind: 'text'; text: string } | { line: number; kind: 'too-long'; bytes: number } | { line: number; kind: 'bad-utf8' };

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into NDJSON lines without ever holding more than one line (at most
 * `maxLineBytes`) in memory. Pulling from the stream only as fast as the caller consumes gives
 * TCP back-pressure to the client. Over-long lines and invalid UTF-8 are reported, not thrown,
 * so one bad line never costs the rest of the body. Blank lines are skipped but keep their number.
 */
export async function* readNdjsonLines(stream: Readable | AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<NdjsonLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let partsBytes = 0;
  let skipping = false; // inside a line already over the limit
  let skippedBytes = 0;
  let lineNo = 0;

  function* finish(last: Buffer): Generator<NdjsonLine> {
    lineNo++;
    if (skipping) {
      skipping = false;
      yield { line: lineNo, kind: 'too-long', bytes: skippedBytes + last.length };
      skippedBytes = 0;
      return;
    }
    let bytes = parts.length === 0 ? last : Buffer.concat([...parts, last], partsBytes + last.length);
    parts = [];
    partsBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.length > maxLineBytes) {
      yield { line: lineNo, kind: 'too-long', bytes: bytes.length };
      return;
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      yield { line: lineNo, kind: 'bad-utf8' };
      return;
    }
    if (text.trim().length > 0) yield { line: lineNo, kind: 'text', text };
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE, start); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
      yield* finish(buf.subarray(start, nl));
      start = nl + 1;
    }
    const rest = buf.subarray(start);
    if (rest.length === 0) continue;
    if (skipping) {
      skippedBytes += rest.length;
    } else if (partsBytes + rest.length > maxLineBytes + 1) {
      skipping = true;
      skippedBytes = partsBytes + rest.length;
      parts = [];
      partsBytes = 0;
    } else {
      parts.push(Buffer.from(rest)); // copy: the stream may reuse its buffer
      partsBytes += rest.length;
    }
  }
  if (skipping || partsBytes > 0) yield* finish(Buffer.alloc(0));
}
