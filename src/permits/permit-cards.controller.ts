import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { PermitCardsQuery } from './dto/permit-cards.query';
import { PermitCardsService } from './permit-cards.service';

@ApiTags('permits')
@ApiStandardErrors()
@Controller('api/permits')
export class PermitCardsController {
  constructor(private readonly cards: PermitCardsService) {}

  @Get('cards.pdf')
  @Roles('admin')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'Permit cards in bulk: A4, 2 × 4 cards a page with crop marks, each with its QR',
    description:
      'The council of the association: the permits named by `ids`, or every permit in force (of `kind`). Each QR carries the same signed token as the single card.',
  })
  async sheet(
    @CurrentActor() actor: Actor,
    @Query() query: PermitCardsQuery,
  ): Promise<StreamableFile> {
    const pdf = await this.cards.sheet(actor, query);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: 'attachment; filename="permit-cards.pdf"',
      length: pdf.length,
    });
  }
}
