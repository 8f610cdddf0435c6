import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { EventsController } from './events.controller';
import { IngestedDataService } from './ingested-data.service';
import { IngestionCommits } from './ingestion-commits.service';
import { IngestionService } from './ingestion.service';
import { MembersController, NetworkRecordsController } from './records.controller';
import { RecordsService } from './records.service';

@Module({
  imports: [NetworksModule],
  controllers: [EventsController, MembersController, NetworkRecordsController],
  providers: [IngestionService, IngestedDataService, RecordsService, IngestionCommits],
  exports: [IngestionService, IngestionCommits],
})
export class IngestionModule {}
