import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { RostersService } from '../rosters/rosters.service';
import { articleLabel } from '../conventions/convention-parameters';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { ConventionVersion } from '../conventions/convention-version.entity';
import { toResultView } from '../conventions/convention-views';
import { ViolationLedgerService } from '../violations/violation-ledger.service';
import type { BoardVersionView, PublicBoardView } from './board.view';

/** The public notice board (公示) of an association: no login, no personal data. */
@Injectable()
export class PublicBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: ConventionRulesService,
    private readonly rosters: RostersService,
    private readonly violations: ViolationLedgerService,
    private readonly clock: Clock,
  ) {}

  async board(associationId: string): Promise<PublicBoardView> {
    const now = this.clock.now();
    const [association] = await this.dataSource.query<
      { id: string; name: string; community: string; street_office: string }[]
    >(`SELECT id, name, community, street_office FROM association WHERE id = $1`, [associationId]);
    if (!association) throw DomainError.notFound('association', associationId);

    const inForce = await this.rules.versionInForce(associationId, now);
    const versions = (
      await this.dataSource.getRepository(ConventionVersion).find({
        where: { associationId },
        order: { number: 'DESC' },
      })
    ).filter((v) => v.status !== 'draft');
    const boardVersions = versions.map((v) => toBoardVersion(v, inForce?.id ?? null));
    const articles = inForce
      ? await this.dataSource.query<{ number: number; text: string }[]>(
          `SELECT number, text FROM convention_article WHERE version_id = $1 ORDER BY number`,
          [inForce.id],
        )
      : [];
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
      streetOffice: association.street_office,
      generatedAt: now,
      inForce: inForce
        ? {
            number: inForce.number,
            title: inForce.title,
            effectiveFrom: inForce.effectiveFrom!,
            articles: articles.map((a) => ({
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
    };
  }
}

// Listed field by field rather than derived from toSummaryView: this leaves without a login, so a
// field added to the members' view must not reach the public board unnoticed.
function toBoardVersion(v: ConventionVersion, inForceId: string | null): BoardVersionView {
  return {
    number: v.number,
    title: v.title,
    status: v.status,
    inForce: v.id === inForceId,
    votingUnit: v.votingUnit,
    quorum: { numerator: v.quorumNumerator, denominator: v.quorumDenominator },
    threshold: { numerator: v.thresholdNumerator, denominator: v.thresholdDenominator },
    commentsCloseAt: v.commentsCloseAt,
    votingCloseAt: v.votingCloseAt,
    noticeUntil: v.noticeUntil,
    effectiveFrom: v.effectiveFrom,
    result: toResultView(v),
  };
}
