import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AssociationsModule } from '../associations/associations.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { LoginThrottleRepository } from './login-throttle.repository';
import { MemberAccessCheck } from './member-access';
import { PasswordRules } from './password-rules.service';
import { RefreshSessionRepository } from './refresh-session.repository';
import { ServiceSecretRepository } from './service-secret.repository';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    AssociationsModule,
    // Logins have their own limiter (LoginLimiter, shared by all instances). This in-memory
    // throttler named 'login' stays for routes that set their own limit (the public board).
    ThrottlerModule.forRoot({ throttlers: [{ name: 'login', ttl: 60_000, limit: 60 }] }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    MemberAccessCheck,
    LoginLimiter,
    LoginThrottleRepository,
    PasswordRules,
    RefreshSessionRepository,
    ServiceSecretRepository,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, TokenService, PasswordRules],
})
export class AuthModule {}
