// One in-memory PGlite per Jest worker, in its own process so workers run their SQL in parallel.
// Prints its URL on stdout; exits when its parent (Jest) closes stdin.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const db = await PGlite.create('memory://');

// as src/database/pglite-protocol-guard.ts: one connection's extended-protocol query (Parse … Sync)
// runs whole before another connection's messages, like a transaction
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const END = new Set([0x53, 0x51, 0x58]);
let open = false;
const guarded = {
  get waitReady() {
    return db.waitReady;
  },
  isInTransaction: () => open || db.isInTransaction(),
  runExclusive: (fn) => db.runExclusive(fn),
  exec: (...args) => {
    open = false;
    return db.exec(...args);
  },
  execProtocolRawStream: (message, ...rest) => {
    if (EXTENDED.has(message[0])) open = true;
    else if (END.has(message[0])) open = false;
    return db.execProtocolRawStream(message, ...rest);
  },
};
const server = new PGLiteSocketServer({ db: guarded, host: '127.0.0.1', port: 0, maxConnections: 10 });
await server.start();
process.stdout.write(`postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable\n`);

const stop = async () => {
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
