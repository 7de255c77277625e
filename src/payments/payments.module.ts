import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { PaymentRepository } from './payment.repository';
import { PaymentsController } from './payments.controller';
import { PaymentLedgerService } from './payment-ledger.service';
import { PaymentsService } from './payments.service';

/** The payment ledger; permits and sharing record into it, with their transaction. */
@Module({
  imports: [AssociationsModule],
  controllers: [PaymentsController],
  providers: [PaymentRepository, PaymentsService, PaymentLedgerService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
