import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssociationsModule } from '../associations/associations.module';
import { AcknowledgementsService } from './acknowledgements.service';
import { BallotsService } from './ballots.service';
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
import { conventionsDemoSeed } from './demo-conventions';

/**
 * The parking convention: versions, articles, rule parameters, comments, votes, acknowledgements.
 * Other features read the rules in force through ConventionRulesService; violations and the
 * public board are modules of their own above it (see violations/ and board/).
 */
@Module({
  imports: [
    AssociationsModule,
    TypeOrmModule.forFeature([
      ConventionVersion,
      ConventionArticle,
      ConventionVote,
      ConventionComment,
      ConventionAcknowledgement,
    ]),
  ],
  controllers: [ConventionsController],
  providers: [
    conventionsDemoSeed,
    ConventionRulesService,
    ConventionsService,
    BallotsService,
    CommentsService,
    AcknowledgementsService,
  ],
  exports: [ConventionRulesService],
})
export class ConventionsModule {}
