import { Injectable } from '@nestjs/common';
import { AssociationsService } from '../associations/associations.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { articleLabel } from '../conventions/convention-parameters';
import type { ConventionVersion } from '../conventions/convention-version';
import { toResultView, toRulesView } from '../conventions/convention-views';
import { ConventionsService } from '../conventions/conventions.service';
import { FinanceService } from '../finance/finance.service';
import { DrawsService } from '../sharing/draws.service';
import { RostersService } from '../rosters/rosters.service';
import { ViolationLedgerService } from '../violations/violation-ledger.service';
import { PersuasionsService } from '../violations/persuasions/persuasions.service';
import type { BoardVersion, PublicBoard } from '../shared/api/board';

/**
 * The public notice board (公示) of an association: no login, no personal data. It only gathers
 * what the features below it publish: the convention, who is on duty, violation statistics.
 */
@Injectable()
export class PublicBoardService {
  constructor(
    private readonly associations: AssociationsService,
    private readonly conventions: ConventionsService,
    private readonly rosters: RostersService,
    private readonly violations: ViolationLedgerService,
    private readonly finance: FinanceService,
    private readonly draws: DrawsService,
    private readonly persuasions: PersuasionsService,
    private readonly clock: Clock,
  ) {}

  async board(associationId: string): Promise<PublicBoard> {
    const now = this.clock.now();
    const association = await this.associations.findById(associationId);
    if (!association) throw DomainError.notFound('association', associationId);

    const record = await this.conventions.publicRecord(associationId);
    const inForce = record.inForce;
    const boardVersions = record.versions.map((v) => toBoardVersion(v, inForce?.id ?? null));
    // Names and shifts only: the board is public.
    const onDuty = (await this.rosters.onDutyAt(associationId, now)).map((d) => ({
      name: d.name,
      shiftName: d.shiftName,
      since: d.since,
      until: d.until,
    }));
    return {
      associationId: association.id,
      name: association.name,
      community: association.community,
      streetOffice: association.streetOffice,
      generatedAt: now,
      inForce: inForce
        ? {
            number: inForce.number,
            title: inForce.title,
            effectiveFrom: inForce.effectiveFrom!,
            articles: record.inForceArticles.map((a) => ({
              number: a.number,
              label: articleLabel(a.number),
              text: a.text,
            })),
          }
        : null,
      versions: boardVersions,
      noticePeriod: boardVersions.filter(
        (v) => v.result && v.noticeUntil && v.result.resultAt <= now && now < v.noticeUntil,
      ),
      onDuty,
      violationStats: await this.violations.monthlyStatistics(associationId, now),
      // 收支公示: monthly totals only, never who paid.
      finance: await this.finance.monthlyTotals(associationId),
      draws: await this.draws.publicOf(associationId),
      persuasionStats: await this.persuasions.monthlyStatistics(associationId, now),
    };
  }
}

// Listed field by field rather than derived from toSummaryView: this leaves without a login, so a
// field added to the members' view must not reach the public board unnoticed.
function toBoardVersion(v: ConventionVersion, inForceId: string | null): BoardVersion {
  return {
    number: v.number,
    title: v.title,
    status: v.status,
    inForce: v.id === inForceId,
    votingUnit: v.adoptionRules.votingUnit,
    quorum: { ...v.adoptionRules.quorum },
    threshold: { ...v.adoptionRules.threshold },
    ballot: toRulesView(v.ballot),
    commentsCloseAt: v.commentsCloseAt,
    votingCloseAt: v.votingCloseAt,
    noticeUntil: v.noticeUntil,
    effectiveFrom: v.effectiveFrom,
    result: toResultView(v),
  };
}
