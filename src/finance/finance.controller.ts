import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { FinanceEntryView, RecordFinanceEntryDto } from './dto/finance.dto';
import { FinanceService } from './finance.service';

class FinanceQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() associationId?: string;
}

@ApiTags('finance')
@ApiStandardErrors()
@Controller('api/finance/entries')
export class FinanceController {
  constructor(private readonly finance: FinanceService) {}

  @Post()
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Record income or spending with its receipt (登记)' })
  @ApiCreatedResponse({ type: FinanceEntryView })
  record(
    @CurrentActor() actor: Actor,
    @Body() body: RecordFinanceEntryDto,
  ): Promise<FinanceEntryView> {
    return this.finance.record(actor, body);
  }

  @Get()
  @Roles('admin', 'viewer')
  @ApiOperation({ summary: "The association's recorded income and spending, newest first" })
  @ApiOkResponse({ type: [FinanceEntryView] })
  list(@CurrentActor() actor: Actor, @Query() query: FinanceQuery): Promise<FinanceEntryView[]> {
    return this.finance.list(actor, query.associationId);
  }
}
