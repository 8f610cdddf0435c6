import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-key.entity';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiKey, AuditEntry])],
  controllers: [ApiKeysController],
  providers: [ApiKeysService, AuditService, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [ApiKeysService, AuditService],
})
export class GovernanceModule {}
