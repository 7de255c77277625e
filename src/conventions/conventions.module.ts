import { Module } from '@nestjs/common';
import { AssociationsModule } from '../associations/associations.module';
import { AcknowledgementsService } from './acknowledgements.service';
import { BallotsService } from './ballots.service';
import { CommentsService } from './comments.service';
import { ConventionAcknowledgementRepository } from './convention-acknowledgement.repository';
import { ConventionCommentRepository } from './convention-comment.repository';
import { ConventionRulesService } from './convention-rules.service';
import { ConventionVersionRepository } from './convention-version.repository';
import { ConventionVoteRepository } from './convention-vote.repository';
import { ConventionsController } from './conventions.controller';
import { ConventionsService } from './conventions.service';
import { conventionsDemoSeed } from './demo-conventions';

/**
 * The parking convention: versions, articles, rule parameters, comments, votes, acknowledgements.
 * Other features read the rules in force through ConventionRulesService; violations
 * (src/violations) and the public board (src/board) are features of their own above it.
 */
@Module({
  imports: [AssociationsModule],
  controllers: [ConventionsController],
  providers: [
    ConventionVersionRepository,
    ConventionVoteRepository,
    ConventionCommentRepository,
    ConventionAcknowledgementRepository,
    conventionsDemoSeed,
    ConventionRulesService,
    ConventionsService,
    BallotsService,
    CommentsService,
    AcknowledgementsService,
  ],
  exports: [ConventionRulesService, ConventionsService],
})
export class ConventionsModule {}
