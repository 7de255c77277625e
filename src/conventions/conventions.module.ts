import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssociationsModule } from '../associations/associations.module';
import { AcknowledgementsService } from './acknowledgements.service';
import { BallotsService } from './ballots.service';
import { PublicBoardController } from './board/public-board.controller';
import { PublicBoardService } from './board/public-board.service';
import { CommentsService } from './comments.service';
import { ConventionArticle } from './convention-article.entity';
import {
  ConventionAcknowledgement,
  ConventionComment,
  ConventionVote,
} from './convention-ballot.entities';
import { ConventionRulesService } from './convention-rules.service';
import { ConventionVersion } from './convention-version.entity';
import { ConventionsController } from './conventions.controller';
import { ConventionsService } from './conventions.service';
import { DutyCheckHook, PermitSuspensionHook } from './violations/enforcement-hooks';
import { ViolationLedgerService } from './violations/violation-ledger.service';
import { Violation } from './violations/violation.entity';
import { ViolationsController } from './violations/violations.controller';
import { ViolationsService } from './violations/violations.service';

@Module({
  imports: [
    AssociationsModule,
    TypeOrmModule.forFeature([
      ConventionVersion,
      ConventionArticle,
      ConventionVote,
      ConventionComment,
      ConventionAcknowledgement,
      Violation,
    ]),
  ],
  controllers: [ConventionsController, ViolationsController, PublicBoardController],
  providers: [
    ConventionRulesService,
    ConventionsService,
    BallotsService,
    CommentsService,
    AcknowledgementsService,
    ViolationsService,
    ViolationLedgerService,
    PermitSuspensionHook,
    DutyCheckHook,
    PublicBoardService,
  ],
  exports: [ConventionRulesService, ViolationsService],
})
export class ConventionsModule {}
