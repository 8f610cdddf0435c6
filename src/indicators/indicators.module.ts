import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { IndicatorsController, MetricsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { ScopeResolver } from './indicator-scope';

@Module({
  imports: [NetworksModule],
  controllers: [IndicatorsController, MetricsController],
  providers: [IndicatorsService, ScopeResolver],
})
export class IndicatorsModule {}
