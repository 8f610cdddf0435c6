import { Injectable, Logger } from '@nestjs/common';

/**
 * In-process notice of committed ingestion: after each transaction of ingestion that inserted or
 * updated something, the network id is passed to every listener (synchronously, after the commit;
 * a listener must not throw nor block). The people index uses it to schedule its debounced refresh
 * (PeopleIndexService); the live stream hears commits of every instance through NOTIFY instead.
 */
@Injectable()
export class IngestionCommits {
  private readonly logger = new Logger(IngestionCommits.name);
  private readonly listeners: ((networkId: number) => void)[] = [];

  listen(listener: (networkId: number) => void): void {
    this.listeners.push(listener);
  }

  committed(networkId: number | null, outcomes: readonly unknown[]): void {
    if (networkId === null || !outcomes.some((o) => o === 'inserted' || o === 'updated')) return;
    for (const listener of this.listeners) {
      try {
        listener(networkId);
      } catch (error) {
        this.logger.error({ err: error }, 'an ingestion commit listener failed');
      }
    }
  }
}
