import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { PaymentQuery, PaymentView } from './dto/payment.dto';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@ApiStandardErrors()
@Controller('api/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [PaymentView], description: '{ items, total, page, pageSize }' })
  @ApiOperation({
    summary: 'The payment ledger (收费台账): fees recorded on permits and standing allocations',
  })
  list(@CurrentActor() actor: Actor, @Query() query: PaymentQuery) {
    return this.payments.ledger(actor, query);
  }
}
