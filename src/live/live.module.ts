import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { NetworksModule } from '../networks/networks.module';
import { IngestionListener } from './ingestion-listener.service';
import { LiveController } from './live.controller';
import { LiveService } from './live.service';

/** SPEC §3.11: GET /v1/networks/{key}/live, Server-Sent Events driven by the database's ingestion notices. */
@Module({
  imports: [NetworksModule, IndicatorsModule],
  controllers: [LiveController],
  providers: [LiveService, IngestionListener],
})
export class LiveModule {}
