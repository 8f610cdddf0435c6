import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Network } from './network.entity';
import { NetworksController } from './networks.controller';
import { NetworksService } from './networks.service';

@Module({
  imports: [TypeOrmModule.forFeature([Network])],
  controllers: [NetworksController],
  providers: [NetworksService],
  exports: [NetworksService],
})
export class NetworksModule {}
