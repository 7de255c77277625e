import { Module } from '@nestjs/common';
import { ConventionRulesService } from './convention-rules.service';

@Module({
  providers: [ConventionRulesService],
  exports: [ConventionRulesService],
})
export class ConventionsModule {}
