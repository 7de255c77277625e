import { Module } from '@nestjs/common';
import { RostersModule } from '../rosters/rosters.module';
import { ConventionsModule } from '../conventions/conventions.module';
import { ViolationsModule } from '../violations/violations.module';
import { PublicBoardController } from './public-board.controller';
import { PublicBoardService } from './public-board.service';

/** The public board (公示) gathers the convention, today's duty and violation statistics. */
@Module({
  imports: [ConventionsModule, RostersModule, ViolationsModule],
  controllers: [PublicBoardController],
  providers: [PublicBoardService],
})
export class PublicBoardModule {}
