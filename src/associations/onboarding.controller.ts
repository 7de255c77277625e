import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { AssociationView } from './dto/association.view';
import { MemberView } from './dto/member.view';
import { AddCouncilDto, OnboardAssociationDto } from './dto/onboarding.dto';
import { OnboardingService } from './onboarding.service';

@ApiTags('street')
@ApiStandardErrors()
@Controller('api/associations')
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Post()
  @Idempotent()
  @Roles('street')
  @ApiOperation({ summary: "Found an association in a community of the street office's street" })
  @ApiCreatedResponse({ type: AssociationView })
  onboard(
    @CurrentActor() actor: Actor,
    @Body() body: OnboardAssociationDto,
  ): Promise<AssociationView> {
    return this.onboarding.onboard(actor, body);
  }

  @Post(':id/council')
  @Idempotent()
  @Roles('street')
  @ApiOperation({
    summary: "Add an association's first council member, who can log in at once",
  })
  @ApiCreatedResponse({ type: MemberView })
  addCouncil(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddCouncilDto,
  ): Promise<MemberView> {
    return this.onboarding.addCouncil(actor, id, body);
  }
}
