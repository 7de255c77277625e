import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import { ApiDocsController } from './api-docs/api-docs.controller';
import { AssociationsModule } from './associations/associations.module';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { loggerParams } from './common/logging';
import { OutboxModule } from './common/outbox/outbox.module';
import { PublicBoardModule } from './board/public-board.module';
import { ConventionsModule } from './conventions/conventions.module';
import { ViolationsModule } from './violations/violations.module';
import { allConfig, appConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { PaymentsModule } from './payments/payments.module';
import { PermitsModule } from './permits/permits.module';
import { RostersModule } from './rosters/rosters.module';
import { ScansModule } from './scans/scans.module';
import { SharingModule } from './sharing/sharing.module';
import { SpacesModule } from './spaces/spaces.module';
import { StreetModule } from './street/street.module';
import { FinanceModule } from './finance/finance.module';
import { WebModule } from './web/web.module';
import { RetentionModule } from './retention/retention.module';
import { VehicleChangesModule } from './vehicle-changes/vehicle-changes.module';

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
        LoggerModule.forRootAsync({ inject: [appConfig.KEY], useFactory: loggerParams }),
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
        PaymentsModule,
        PermitsModule,
        SharingModule,
        ScansModule,
        ViolationsModule,
        VehicleChangesModule,
        PublicBoardModule,
        RetentionModule,
        FinanceModule,
        StreetModule,
        WebModule,
        HealthModule,
      ],
      controllers: [ApiDocsController],
    };
  }
}
