import { EnvironmentError, loadEnvironment } from './environment';

describe('loadEnvironment', () => {
  it('gives working defaults with an empty environment (embedded database)', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', DATABASE_URL: undefined, INGEST_CHUNK_SIZE: 2000 });
  });

  it('parses numbers and keeps DATABASE_URL', () => {
    const env = loadEnvironment({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/db', ADMIN_API_KEY: 'x'.repeat(24) });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe('postgres://u@h:5432/db');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ ADMIN_API_KEY: 'short' }, /ADMIN_API_KEY must be at least 24/],
    [{ DATABASE_URL: 'postgres://u@h/db' }, /ADMIN_API_KEY is required when DATABASE_URL is set/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('rejects %p with a message naming the variable', (source, message) => {
    expect(() => loadEnvironment(source)).toThrow(EnvironmentError);
    expect(() => loadEnvironment(source)).toThrow(message);
  });
});
