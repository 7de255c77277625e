import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, type DatabaseConfig } from '../config';
import { dataSourceOptions } from './data-source-options';

@Module({})
export class DatabaseModule {
  /** The URL is resolved before the app starts (it may be an embedded server's). */
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (config: DatabaseConfig) => ({
            ...dataSourceOptions(url, config.poolSize),
            autoLoadEntities: true,
          }),
        }),
      ],
    };
  }
}
