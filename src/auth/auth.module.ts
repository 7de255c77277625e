import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AssociationsModule } from '../associations/associations.module';
import { authConfig, type AuthConfig } from '../config';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    AssociationsModule,
    ThrottlerModule.forRootAsync({
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginAttemptsPerMinute }],
        errorMessage: '尝试次数过多，请稍后再试 / too many attempts, try again in a minute',
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenService],
})
export class AuthModule {}
