import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import type { Page } from '../common/pagination';
import { CreateMemberDto, MemberQuery, UpdateMemberDto } from './dto/member.dto';
import { MemberView } from './dto/member.view';
import { MembersService } from './members.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('members')
@ApiStandardErrors()
@Controller('api/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({
    summary: 'Members (a resident sees their household; phones masked unless needed)',
  })
  list(@CurrentActor() actor: Actor, @Query() query: MemberQuery): Promise<Page<MemberView>> {
    return this.members.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: MemberView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MemberView> {
    return this.members.get(actor, id);
  }

  @Post()
  @Idempotent()
  @Roles('admin')
  @ApiOkResponse({ type: MemberView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateMemberDto): Promise<MemberView> {
    return this.members.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'A member changes their own name and password (with the current one); roles, status, phones, flags and other members’ passwords are the council’s',
  })
  @ApiOkResponse({ type: MemberView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.members.update(actor, id, body);
  }
}
