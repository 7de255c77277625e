import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { AssociationsModule } from '../associations/associations.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { ArchivedHoldersListener } from './archived-holders.listener';
import { KeysController } from './keys/keys.controller';
import { SigningKeyRepository } from './keys/signing-key.repository';
import { SigningKeysService } from './keys/signing-keys.service';
import { MoveRequestRepository } from './moves/move-request.repository';
import { MoveRequestsController } from './moves/move-requests.controller';
import { MoveRequestsService } from './moves/move-requests.service';
import { WindscreenNoticesController } from './moves/windscreen-notices.controller';
import { WindscreenNoticesService } from './moves/windscreen-notices.service';
import { PermitCardsController } from './permit-cards.controller';
import { PermitCardsService } from './permit-cards.service';
import { PermitEventRepository } from './permit-event.repository';
import { PermitLedgerService } from './permit-ledger.service';
import { PermitLifecycle } from './permit-lifecycle';
import { PermitQrService } from './permit-qr.service';
import { PermitRepository } from './permit.repository';
import { PermitTokensService } from './permit-tokens.service';
import { PermitsController } from './permits.controller';
import { PermitsService } from './permits.service';
import { ScannedPermits } from './scanned-permits';
import { PlateCheckRepository } from './plate-check/plate-check.repository';
import { PlateCheckService } from './plate-check/plate-check.service';
import { VisitorPassesController } from './visitor/visitor-passes.controller';
import { VisitorPassesService } from './visitor/visitor-passes.service';
import { permitsDemoSeed } from './demo-permits';

/**
 * Permits with signed QR codes. Other features use PermitsService (issueShared, suspend,
 * reinstate, revoke, lookups), PermitTokensService (verifying a scanned token) and
 * ScannedPermits (the permits wardens scan, remembered with their row version).
 */
@Module({
  imports: [AssociationsModule, ConventionsModule, PaymentsModule],
  controllers: [
    PermitsController,
    PermitCardsController,
    KeysController,
    VisitorPassesController,
    MoveRequestsController,
    WindscreenNoticesController,
  ],
  providers: [
    PermitRepository,
    PermitEventRepository,
    SigningKeyRepository,
    MoveRequestRepository,
    PlateCheckRepository,
    PermitLifecycle,
    ArchivedHoldersListener,
    permitsDemoSeed,
    PermitsService,
    ScannedPermits,
    PermitLedgerService,
    PermitTokensService,
    PermitQrService,
    PermitCardsService,
    SigningKeysService,
    PlateCheckService,
    VisitorPassesService,
    MoveRequestsService,
    WindscreenNoticesService,
  ],
  exports: [PermitsService, PermitTokensService, ScannedPermits],
})
export class PermitsModule {}
