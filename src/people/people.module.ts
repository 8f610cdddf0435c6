import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { IngestionModule } from '../ingestion/ingestion.module';
import { JobsModule } from '../jobs/jobs.module';
import { NetworksModule } from '../networks/networks.module';
import { ExpertsService } from './experts.service';
import { HrService } from './hr.service';
import { ExpertsController, HrController, NetworkPeopleController, ProfileController } from './people.controller';
import { PeopleIndexService } from './people-index.service';
import { ProfileService } from './profile.service';

/** Declared profiles, the people index (interests, expertise, animators), experts and HR outputs (SPEC §2, §3.8). */
@Module({
  imports: [NetworksModule, IndicatorsModule, JobsModule, IngestionModule],
  controllers: [ProfileController, ExpertsController, NetworkPeopleController, HrController],
  providers: [ProfileService, ExpertsService, HrService, PeopleIndexService],
  exports: [ExpertsService],
})
export class PeopleModule {}
