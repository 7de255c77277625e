import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssociationsModule } from '../associations/associations.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { KeysController } from './keys/keys.controller';
import { SigningKeysService } from './keys/signing-keys.service';
import { MoveRequestsController } from './moves/move-requests.controller';
import { MoveRequestsService } from './moves/move-requests.service';
import { Permit } from './permit.entity';
import { PermitLedgerService } from './permit-ledger.service';
import { PermitQrService } from './permit-qr.service';
import { PermitTokensService } from './permit-tokens.service';
import { PermitsController } from './permits.controller';
import { PermitsService } from './permits.service';
import { PlateCheckService } from './scans/plate-check.service';
import { ScansController } from './scans/scans.controller';
import { ScansService } from './scans/scans.service';
import { SharedWindows } from './scans/shared-windows';
import { VisitorPassesController } from './visitor/visitor-passes.controller';
import { VisitorPassesService } from './visitor/visitor-passes.service';
import { permitsDemoSeed } from './demo-permits';

/**
 * Permits with signed QR codes. Other features use PermitsService (issueShared, suspend,
 * revoke) and SharedWindows (the off-peak feature supplies the car parks' windows).
 */
@Module({
  // Scans record whether their warden was on duty with rosters' onDutySql, inside the INSERT.
  imports: [TypeOrmModule.forFeature([Permit]), AssociationsModule, ConventionsModule],
  controllers: [
    PermitsController,
    KeysController,
    ScansController,
    VisitorPassesController,
    MoveRequestsController,
  ],
  providers: [
    permitsDemoSeed,
    PermitsService,
    PermitLedgerService,
    PermitTokensService,
    PermitQrService,
    SigningKeysService,
    ScansService,
    SharedWindows,
    PlateCheckService,
    VisitorPassesService,
    MoveRequestsService,
  ],
  exports: [PermitsService, SharedWindows],
})
export class PermitsModule {}
