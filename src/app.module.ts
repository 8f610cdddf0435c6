import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { ENVIRONMENT, Environment } from './common/config/environment';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { clientRequestId } from './common/http/request-id';
import { AlignmentModule } from './alignment/alignment.module';
import { DatabaseConnection, DatabaseModule } from './database/database.module';
import { GovernanceModule } from './governance/governance.module';
import { HealthModule } from './health/health.module';
import { HealthScorecardModule } from './health-scorecard/health-scorecard.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { LiveModule } from './live/live.module';
import { NetworksModule } from './networks/networks.module';
import { PeopleModule } from './people/people.module';
import { PrivacyModule } from './privacy/privacy.module';
import { TopicsModule } from './topics/topics.module';

@Module({})
export class AppModule {
  static forRoot(env: Environment, database: DatabaseConnection): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            // the service's own id for every request, answered in X-Request-Id; a caller's X-Request-Id is
            // logged beside it (clientRequestId), never used as the id (src/common/http/request-id.ts)
            genReqId: (_req, res) => {
              const id = randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            customProps: (req) => {
              const client = clientRequestId(req);
              return client !== undefined ? { clientRequestId: client } : {};
            },
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        DatabaseModule.forRoot(database),
        GovernanceModule,
        HealthModule,
        NetworksModule,
        IngestionModule,
        IndicatorsModule,
        AlignmentModule,
        TopicsModule,
        PeopleModule,
        PrivacyModule,
        LiveModule,
        HealthScorecardModule,
      ],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [ENVIRONMENT],
    };
  }
}
