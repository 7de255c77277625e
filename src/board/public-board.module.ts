import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { FinanceModule } from '../finance/finance.module';
import { SharingModule } from '../sharing/sharing.module';
import { RostersModule } from '../rosters/rosters.module';
import { ViolationsModule } from '../violations/violations.module';
import { PublicBoardController } from './public-board.controller';
import { PublicBoardService } from './public-board.service';

/**
 * The public board (公示): the top of the dependency graph. It gathers the convention, today's duty
 * and violation statistics from the features that own them, and owns no table.
 */
@Module({
  imports: [
    AssociationsModule,
    ConventionsModule,
    RostersModule,
    ViolationsModule,
    FinanceModule,
    SharingModule,
  ],
  controllers: [PublicBoardController],
  providers: [PublicBoardService],
})
export class PublicBoardModule {}
