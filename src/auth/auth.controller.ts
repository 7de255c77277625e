import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './decorators';
import { LoginDto, RefreshDto, SessionView } from './dto/login.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with phone number and password' })
  @ApiOkResponse({ type: SessionView })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  login(@Body() body: LoginDto): Promise<SessionView> {
    return this.auth.login(body.phone, body.password);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new session (the old token is spent)' })
  @ApiOkResponse({ type: SessionView })
  refresh(@Body() body: RefreshDto): Promise<SessionView> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End every refresh session of the current member' })
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }
}
