import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

/** What the network talks about: emerging topics (SPEC §3.8). */
@Module({
  imports: [NetworksModule],
  controllers: [TopicsController],
  providers: [TopicsService],
  exports: [TopicsService],
})
export class TopicsModule {}
