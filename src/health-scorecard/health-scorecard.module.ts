import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { NetworksModule } from '../networks/networks.module';
import { PeopleModule } from '../people/people.module';
import { TopicsModule } from '../topics/topics.module';
import { HealthPolicyService } from './health-policy.service';
import { HealthScorecardController } from './health-scorecard.controller';
import { HealthScorecardService } from './health-scorecard.service';

/** The CNO's health scorecard and recommended adjustments, and the per-network policy behind them (SPEC §3.10). */
@Module({
  imports: [NetworksModule, IndicatorsModule, TopicsModule, PeopleModule],
  controllers: [HealthScorecardController],
  providers: [HealthScorecardService, HealthPolicyService],
})
export class HealthScorecardModule {}
