import { Readable } from 'node:stream';
import { NdjsonLine, readNdjsonLines } from './ndjson-lines';

async function collect(chunks: (string | Buffer)[], max = 64): Promise<NdjsonLine[]> {
  const out: NdjsonLine[] = [];
  for await (const l of readNdjsonLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), max)) out.push(l);
  return out;
}

describe('readNdjsonLines', () => {
  it('numbers lines from 1, skips blank lines but counts them, handles CRLF and a last line without newline', async () => {
    expect(await collect(['{"a":1}\r\n\n  \n{"b":', '2}\n{"c":3}'])).toEqual([
      { line: 1, kind: 'text', text: '{"a":1}' },
      { line: 4, kind: 'text', text: '{"b":2}' },
      { line: 5, kind: 'text', text: '{"c":3}' },
    ]);
  });

  it('reports an over-long line on its own and keeps the lines around it', async () => {
    const long = 'x'.repeat(100);
    expect(await collect(['ok1\n' + long.slice(0, 50), long.slice(50) + '\nok3\n'], 64)).toEqual([
      { line: 1, kind: 'text', text: 'ok1' },
      { line: 2, kind: 'too-long', bytes: 100 },
      { line: 3, kind: 'text', text: 'ok3' },
    ]);
  });

  it('reports invalid UTF-8 and decodes a multi-byte character split across chunks', async () => {
    const e = Buffer.from('é'); // 2 bytes
    expect(
      await collect([Buffer.from([0xff, 0xfe, 0x0a]), Buffer.concat([Buffer.from('"'), e.subarray(0, 1)]), Buffer.concat([e.subarray(1), Buffer.from('"\n')])]),
    ).toEqual([
      { line: 1, kind: 'bad-utf8' },
      { line: 2, kind: 'text', text: '"é"' },
    ]);
  });
});
