import type { PGlite } from '@electric-sql/pglite';

/** Frontend messages of an extended-protocol query before its Sync: Parse, Bind, Describe, Execute, Close, Flush. */
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
/** Messages that end one: Sync, a simple Query, Terminate. */
const END = new Set([0x53, 0x51, 0x58]);

/**
 * The PGlite instance as pglite-socket's server should see it. PGlite has one session for every
 * connection, and the server queues each wire-protocol message on its own: the Parse of one
 * connection's query could run between the Parse and the Bind of another's, which then fails
 * ("bind message supplies 3 parameters, but prepared statement "" requires 1") — as soon as two
 * connections query at the same moment (a request and a background job). The server already keeps
 * to one connection while a transaction is open (`isInTransaction`); reporting a connection's
 * extended-protocol query as open until its Sync makes it keep to that connection for the whole
 * query too. test/support/pglite-server.mjs does the same for the test suite's databases.
 */
export function guardExtendedProtocol(db: PGlite): PGlite {
  let open = false;
  const guarded = {
    get waitReady() {
      return db.waitReady;
    },
    isInTransaction: () => open || db.isInTransaction(),
    runExclusive: <T>(fn: () => Promise<T>) => db.runExclusive(fn),
    exec: async (...args: Parameters<PGlite['exec']>) => {
      // the server rolls back after a connection left mid-transaction (or mid-query)
      open = false;
      return db.exec(...args);
    },
    execProtocolRawStream: (message: Uint8Array, ...rest: unknown[]) => {
      if (EXTENDED.has(message[0])) open = true;
      else if (END.has(message[0])) open = false;
      return (db.execProtocolRawStream as (m: Uint8Array, ...r: unknown[]) => unknown)(message, ...rest);
    },
  };
  return guarded as unknown as PGlite;
}
