import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { NetworksModule } from '../networks/networks.module';
import { TopicsController } from './topics.controller';
import { TermsIndexService } from './terms-index.service';
import { TopicsService } from './topics.service';

/** What the network talks about: emerging topics (SPEC §3.8). */
@Module({
  imports: [NetworksModule, JobsModule],
  controllers: [TopicsController],
  providers: [TopicsService, TermsIndexService],
  exports: [TopicsService],
})
export class TopicsModule {}
