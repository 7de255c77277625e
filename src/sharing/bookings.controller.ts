import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Put,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ApiStandardErrors } from '../common/api-errors.decorator';
import { pickLang } from '../shared/i18n';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { RecordPaymentDto } from '../payments/dto/payment.dto';
import { AllocationFeesService } from './allocation-fees.service';
import { AllocationsService } from './allocations.service';
import { BookingsService } from './bookings.service';
import { AllocationView, SetPriorityDto } from './dto/allocation.dto';
import { BookingView } from './dto/booking.dto';
import { type Page, PageQuery } from '../common/pagination';

@ApiTags('sharing')
@ApiStandardErrors()
@Controller('api')
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly allocations: AllocationsService,
    private readonly fees: AllocationFeesService,
  ) {}

  @Get('bookings/mine')
  @Roles('resident')
  @ApiOperation({ summary: "My household's bookings, from a week ago on" })
  @ApiOkResponse({ type: [BookingView] })
  mine(
    @CurrentActor() actor: Actor,
    @Headers('accept-language') language?: string,
  ): Promise<BookingView[]> {
    return this.bookings.mine(actor, pickLang(language));
  }

  @Get('bookings/history')
  @Roles('resident')
  @ApiOperation({ summary: "My household's past bookings (nights before today), latest first" })
  history(
    @CurrentActor() actor: Actor,
    @Query() query: PageQuery,
    @Headers('accept-language') language?: string,
  ): Promise<Page<BookingView>> {
    return this.bookings.history(actor, query, pickLang(language));
  }

  @Get('bookings/:id')
  @ApiOkResponse({ type: BookingView })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<BookingView> {
    return this.bookings.view(actor, id, pickLang(language));
  }

  @Delete('bookings/:id')
  @Roles('resident', 'unit')
  @ApiOperation({ summary: 'Cancel: frees the place at once; the row and its reason are kept' })
  @ApiOkResponse({ type: BookingView })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<BookingView> {
    return this.bookings.cancel(actor, id, pickLang(language));
  }

  @Post('bookings/:id/arrive')
  @Roles('resident', 'unit')
  @HttpCode(200)
  @ApiOkResponse({ type: BookingView })
  arrive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<BookingView> {
    return this.bookings.mark(actor, id, 'arrive', pickLang(language));
  }

  @Post('bookings/:id/leave')
  @Roles('resident', 'unit')
  @HttpCode(200)
  @ApiOkResponse({ type: BookingView })
  leave(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') language?: string,
  ): Promise<BookingView> {
    return this.bookings.mark(actor, id, 'leave', pickLang(language));
  }

  @Get('allocations/mine')
  @Roles('resident')
  @ApiOperation({ summary: 'My standing allocations with my place on the waiting list' })
  @ApiOkResponse({ type: [AllocationView] })
  myAllocations(@CurrentActor() actor: Actor): Promise<AllocationView[]> {
    return this.allocations.mine(actor);
  }

  @Post('allocations/:id/payments')
  @Idempotent()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a fee paid for a standing place (登记缴费); it joins the payment ledger',
  })
  @ApiOkResponse({ type: AllocationView })
  recordAllocationPayment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordPaymentDto,
  ): Promise<AllocationView> {
    return this.fees.recordPayment(actor, id, body);
  }

  @Put('allocations/:id/priority')
  @Roles('admin')
  @ApiOperation({
    summary:
      "The council marks a waiting registration's priority tier (the convention's priorityTiers; null clears it): drawn first at the next lottery",
  })
  @ApiOkResponse({ type: AllocationView })
  setPriority(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetPriorityDto,
  ): Promise<AllocationView> {
    return this.allocations.setPriority(actor, id, body.tier);
  }

  @Delete('allocations/:id')
  @Roles('resident', 'unit', 'admin')
  @ApiOperation({ summary: 'Withdraw or cancel; a freed place goes to the next in line' })
  @ApiOkResponse({ type: AllocationView })
  cancelAllocation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AllocationView> {
    return this.allocations.cancel(actor, id);
  }
}
