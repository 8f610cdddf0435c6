export default async function globalTeardown(): Promise<void> {
  for (const child of globalThis.__PGLITE_SERVERS__ ?? []) {
    child.stdin?.end();
    child.kill('SIGTERM');
  }
}
