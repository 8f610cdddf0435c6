import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { ComparisonsService } from './comparisons.service';
import { IndicatorsController, MetricsController, NetworkComparisonsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { ScopeResolver } from './indicator-scope';

@Module({
  imports: [NetworksModule],
  controllers: [IndicatorsController, NetworkComparisonsController, MetricsController],
  providers: [IndicatorsService, ComparisonsService, ScopeResolver],
})
export class IndicatorsModule {}
