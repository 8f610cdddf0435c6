import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { RequestContext } from '../common/http/request-id';
import { ApiKey } from './api-key.entity';
import { ApiKeyThrottlerGuard, bucketOf, EXPENSIVE_THROTTLER } from './api-key-throttler.guard';
import { ApiKeyGuard } from './api-key.guard';
import { AuditController } from './audit.controller';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([ApiKey, AuditEntry]),
    ThrottlerModule.forRootAsync({
      inject: [ENVIRONMENT],
      useFactory: (env: Environment) => ({
        throttlers: [
          {
            ttl: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
            limit: (context) => (bucketOf(context) === 'reads' ? env.RATE_LIMIT_READS : env.RATE_LIMIT_WRITES),
          },
          // routes marked @Expensive() only (the guard skips the others); its own 429 headers
          { name: EXPENSIVE_THROTTLER, ttl: env.RATE_LIMIT_WINDOW_SECONDS * 1000, limit: env.RATE_LIMIT_EXPENSIVE, setHeaders: false },
        ],
      }),
    }),
  ],
  controllers: [ApiKeysController, AuditController],
  // guards run in this order: who is calling, then how often
  providers: [
    ApiKeysService,
    AuditService,
    RequestContext,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: ApiKeyThrottlerGuard },
  ],
  exports: [ApiKeysService, AuditService],
})
export class GovernanceModule {}
