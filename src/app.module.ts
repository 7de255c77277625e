import { randomUUID } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import { ApiDocsController } from './api-docs/api-docs.controller';
import { AssociationsModule } from './associations/associations.module';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { OutboxModule } from './common/outbox/outbox.module';
import { PublicBoardModule } from './board/public-board.module';
import { ConventionsModule } from './conventions/conventions.module';
import { ViolationsModule } from './violations/violations.module';
import { allConfig, appConfig, type AppConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { LiveModule } from './live/live.module';
import { PermitsModule } from './permits/permits.module';
import { RostersModule } from './rosters/rosters.module';
import { ScansModule } from './scans/scans.module';
import { SharingModule } from './sharing/sharing.module';
import { SpacesModule } from './spaces/spaces.module';
import { WebModule } from './web/web.module';

export interface AppModuleOptions {
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: allConfig }),
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.logLevel,
              genReqId: (req, res) => {
                const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
                res.setHeader('x-request-id', id);
                return id;
              },
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              autoLogging: { ignore: (req) => req.url === '/health' },
            },
          }),
        }),
        EventEmitterModule.forRoot(),
        CommonModule,
        DatabaseModule.forRoot(options.databaseUrl),
        OutboxModule,
        AuthModule,
        AssociationsModule,
        LiveModule,
        SpacesModule,
        ConventionsModule,
        RostersModule,
        PermitsModule,
        SharingModule,
        ScansModule,
        ViolationsModule,
        PublicBoardModule,
        WebModule,
      ],
      controllers: [HealthController, ApiDocsController],
    };
  }
}
