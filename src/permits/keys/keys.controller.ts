import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Public, Roles } from '../../auth/decorators';
import { ApiStandardErrors } from '../../common/api-errors.decorator';
import { SigningKeysService, type SigningKeyView } from './signing-keys.service';

@ApiTags('permits')
@Controller()
export class KeysController {
  constructor(private readonly keys: SigningKeysService) {}

  @Get('.well-known/jwks.json')
  @Public()
  @ApiOperation({
    summary:
      'Public keys of every association that verify permit QR tokens (ES256), for phones offline',
  })
  async jwks(@Res() reply: FastifyReply): Promise<void> {
    void reply.header('Cache-Control', 'public, max-age=300').send(await this.keys.jwks());
  }

  @Get('api/permit-keys')
  @Roles('admin')
  @ApiStandardErrors()
  @ApiOperation({ summary: "The association's own signing keys" })
  list(@CurrentActor() actor: Actor): Promise<SigningKeyView[]> {
    return this.keys.list(actor);
  }

  @Post('api/permit-keys/rotate')
  @Roles('admin')
  @HttpCode(200)
  @ApiStandardErrors()
  @ApiOkResponse({ description: "The association's new active key; the old one keeps verifying" })
  rotate(@CurrentActor() actor: Actor): Promise<SigningKeyView> {
    return this.keys.rotate(actor);
  }

  @Delete('api/permit-keys/:kid')
  @Roles('admin')
  @HttpCode(204)
  @ApiStandardErrors()
  @ApiOperation({
    summary: "Remove one of the association's retired keys once no unexpired token depends on it",
  })
  remove(@CurrentActor() actor: Actor, @Param('kid') kid: string): Promise<void> {
    return this.keys.remove(actor, kid);
  }
}
