import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { PermitsModule } from '../permits/permits.module';
import { FinanceEntryRepository } from './finance-entry.repository';
import { FinanceController } from './finance.controller';
import { FinanceLedgerService } from './finance-ledger.service';
import { FinanceService } from './finance.service';

/** The association's accounts (收支): permits' fees and the council's recorded lines. */
@Module({
  imports: [AssociationsModule, PermitsModule],
  controllers: [FinanceController],
  providers: [FinanceEntryRepository, FinanceService, FinanceLedgerService],
  exports: [FinanceService],
})
export class FinanceModule {}
