import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { ENVIRONMENT, Environment } from './common/config/environment';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { AlignmentModule } from './alignment/alignment.module';
import { DatabaseConnection, DatabaseModule } from './database/database.module';
import { GovernanceModule } from './governance/governance.module';
import { HealthModule } from './health/health.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { NetworksModule } from './networks/networks.module';
import { PeopleModule } from './people/people.module';
import { PrivacyModule } from './privacy/privacy.module';
import { TopicsModule } from './topics/topics.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
            // honour a caller's X-Request-Id (tracing across services), else mint one; echoed back in the response
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
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
      ],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [ENVIRONMENT],
    };
  }
}
