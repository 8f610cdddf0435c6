import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { AlignmentIndicatorsService } from './alignment.service';
import { ComparisonsService } from './comparisons.service';
import { IndicatorsController, MetricsController, NetworkComparisonsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { ScopeResolver } from './indicator-scope';

@Module({
  imports: [NetworksModule],
  controllers: [IndicatorsController, NetworkComparisonsController, MetricsController],
  providers: [IndicatorsService, ComparisonsService, AlignmentIndicatorsService, ScopeResolver],
  exports: [ScopeResolver, IndicatorsService, ComparisonsService, AlignmentIndicatorsService],
})
export class IndicatorsModule {}
