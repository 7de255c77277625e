import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, type DatabaseConfig } from '../config';
import { dataSourceOptions } from './data-source-options';
import { DemoSeeder } from './demo-seed';

@Module({})
export class DatabaseModule {
  /** The URL is resolved before the app starts (it may be an embedded server's). */
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (config: DatabaseConfig) => ({
            ...dataSourceOptions(url, config.poolSize, config.connectTimeoutMs),
            autoLoadEntities: true,
          }),
        }),
      ],
      providers: [DemoSeeder],
      exports: [DemoSeeder],
    };
  }
}
