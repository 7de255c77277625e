import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../../auth/decorators';
import { ApiStandardErrors } from '../../common/api-errors.decorator';
import { SigningKeysService, type SigningKeyView } from './signing-keys.service';

@ApiTags('permits')
@Controller()
export class KeysController {
  constructor(private readonly keys: SigningKeysService) {}

  @Get('.well-known/jwks.json')
  @Public()
  @ApiOperation({ summary: 'Public keys that verify permit QR tokens (ES256), for phones offline' })
  async jwks(@Res() reply: FastifyReply): Promise<void> {
    void reply.header('Cache-Control', 'public, max-age=300').send(await this.keys.jwks());
  }

  @Get('api/permit-keys')
  @Roles('admin')
  @ApiStandardErrors()
  list(): Promise<SigningKeyView[]> {
    return this.keys.list();
  }

  @Post('api/permit-keys/rotate')
  @Roles('admin')
  @HttpCode(200)
  @ApiStandardErrors()
  @ApiOkResponse({ description: 'The new active key; the old one keeps verifying its tokens' })
  rotate(): Promise<SigningKeyView> {
    return this.keys.rotate();
  }

  @Delete('api/permit-keys/:kid')
  @Roles('admin')
  @HttpCode(204)
  @ApiStandardErrors()
  @ApiOperation({ summary: 'Remove a retired key once no unexpired token depends on it' })
  remove(@Param('kid') kid: string): Promise<void> {
    return this.keys.remove(kid);
  }
}
