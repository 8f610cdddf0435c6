import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import { CHANNELS, IngestionNotice, listenOn, parseIngestionNotice } from '../database/notifications';
import { execute, sql } from '../database/sql';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

/**
 * Hears every committed ingestion of the database, whichever instance wrote it (LISTEN on
 * CHANNELS.INGESTION; ingestion sends the NOTIFY inside its transaction, so it arrives at commit).
 *
 * On a PostgreSQL server: one dedicated connection per process, outside the pool, whatever the
 * number of streams; when it drops it is re-opened (with a growing pause) and `onResync` handlers
 * run, since notices sent meanwhile are lost.
 *
 * On the embedded database (PGlite) every connection shares one session and a notification comes
 * back on the connection that committed, not on the one that listened: LISTEN is sent once through
 * the pool, and the notifications are read on the pool's connections. That connection belongs to the
 * process that committed, so with PGlite only that process hears it — which is the embedded mode's
 * only instance (several instances need a PostgreSQL server anyway).
 */
@Injectable()
export class IngestionListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IngestionListener.name);
  private readonly noticeHandlers = new Set<(notice: IngestionNotice) => void>();
  private readonly resyncHandlers = new Set<() => void>();
  private client: Client | undefined;
  private stopped = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** 'server': a dedicated LISTEN connection; 'embedded': PGlite, read on the pool's connections. */
  mode: 'server' | 'embedded' | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onNotice(handler: (notice: IngestionNotice) => void): void {
    this.noticeHandlers.add(handler);
  }

  /** Called when notices may have been missed (the listening connection was re-opened). */
  onResync(handler: () => void): void {
    this.resyncHandlers.add(handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    const [{ version }] = (await execute<{ version: string }>(this.dataSource.manager, sql`SELECT version() AS version`)).rows;
    if (version.includes('PGlite')) {
      this.mode = 'embedded';
      await this.listenThroughPool();
    } else {
      this.mode = 'server';
      await this.connect();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private readonly receive = (message: Notification): void => {
    if (message.channel !== CHANNELS.INGESTION) return;
    const notice = parseIngestionNotice(message.payload);
    if (notice === null) return;
    for (const handler of this.noticeHandlers) handler(notice);
  };

  private async listenThroughPool(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: import('pg').Pool }).master;
    const hooked = new WeakSet<object>();
    pool.on('acquire', (client) => {
      if (hooked.has(client)) return;
      hooked.add(client);
      client.on('notification', this.receive);
    });
    await execute(this.dataSource.manager, sql`LISTEN ${sql.id(CHANNELS.INGESTION)}`);
  }

  private async connect(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: url, application_name: 'cno-live-listener' });
    client.on('notification', this.receive);
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'the live listening connection failed; re-opening it');
      this.reopen(client);
    });
    client.on('end', () => this.reopen(client));
    try {
      await client.connect();
      await listenOn(client, CHANNELS.INGESTION);
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot open the live listening connection; retrying');
      this.reopen(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.reconnectDelay = RECONNECT_MIN_MS;
    for (const handler of this.resyncHandlers) handler();
  }

  private reopen(client: Client): void {
    if (this.stopped || (this.client !== undefined && this.client !== client)) return;
    if (this.reconnectTimer !== undefined) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
  }
}
