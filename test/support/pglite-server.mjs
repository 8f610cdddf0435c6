// One in-memory PGlite per Jest worker, in its own process so workers run their SQL in parallel.
// Prints its URL on stdout; exits when its parent (Jest) closes stdin.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const db = await PGlite.create('memory://');
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 10 });
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
