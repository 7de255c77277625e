import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { AllRoles, CurrentActor, Public } from './decorators';
import { ChangePasswordDto, LoginDto, RefreshDto, SessionView } from './dto/login.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with phone number and password' })
  @ApiOkResponse({ type: SessionView })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed attempts for this account or from this address (rate.limited, with Retry-After)',
  })
  login(@Body() body: LoginDto, @Ip() address: string): Promise<SessionView> {
    return this.auth.login(body.phone, body.password, address);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange a refresh token for a new pair (the old token is spent; presenting it again ends every session)',
  })
  @ApiOkResponse({ type: SessionView })
  refresh(@Body() body: RefreshDto): Promise<SessionView> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @AllRoles()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End every session of the current member, on every device' })
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }

  @Post('password')
  @AllRoles()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change your own password (proving the current one): every other session ends; a new pair for this device',
  })
  @ApiOkResponse({ type: SessionView })
  changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
  ): Promise<SessionView> {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }
}
