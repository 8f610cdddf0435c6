import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ObjectivesController } from './objectives.controller';
import { ObjectivesService } from './objectives.service';
import { RematchService } from './rematch.service';

/** Business objectives (SPEC §2), their keyword matching and the re-match job (SPEC §3.6). */
@Module({
  imports: [JobsModule],
  controllers: [ObjectivesController],
  providers: [ObjectivesService, RematchService],
  exports: [RematchService],
})
export class AlignmentModule {}
