import { Module } from '@nestjs/common';
import { JobRunner } from './job-runner.service';

/** The background-job runner (src/jobs/job-runner.service.ts), shared by every module that has jobs. */
@Module({
  providers: [JobRunner],
  exports: [JobRunner],
})
export class JobsModule {}
