import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { PermitsModule } from '../permits/permits.module';
import { RostersModule } from '../rosters/rosters.module';
import { SharingModule } from '../sharing/sharing.module';
import { ScanLedgerService } from './scan-ledger.service';
import { ScanPartitionRepository } from './scan-partitions.repository';
import { ScanRecorder } from './scan-recorder';
import { ScanRepository } from './scan.repository';
import { ScansController } from './scans.controller';
import { ScansService } from './scans.service';

/**
 * Wardens scanning permits (扫码验证): above permits (the permit and its signed token), sharing
 * (a shared permit's car park windows) and rosters (was the warden on duty). Every dependency is
 * a module import, so a missing one stops the boot instead of judging on a guess.
 */
@Module({
  imports: [AssociationsModule, PermitsModule, SharingModule, RostersModule],
  controllers: [ScansController],
  providers: [
    ScansService,
    ScanRecorder,
    ScanRepository,
    ScanPartitionRepository,
    ScanLedgerService,
  ],
  exports: [ScansService],
})
export class ScansModule {}
