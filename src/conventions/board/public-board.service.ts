import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { articleLabel } from '../convention-parameters';
import { ConventionRulesService } from '../convention-rules.service';
import { ConventionVersion } from '../convention-version.entity';
import { toResultView } from '../convention-views';
import { DutyCheckHook } from '../violations/enforcement-hooks';
import type { BoardVersionView, PublicBoardView } from './board.view';

/** The public notice board (公示) of an association: no login, no personal data. */
@Injectable()
export class PublicBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: ConventionRulesService,
    private readonly duty: DutyCheckHook,
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
    const stats = await this.dataSource.query<{ month: string; kind: string; count: string }[]>(
      `SELECT to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, kind, count(*)
         FROM violation
        WHERE association_id = $1 AND appeal_status <> 'overturned'
          AND occurred_at > $2::timestamptz - interval '12 months' AND occurred_at <= $2
        GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
      [associationId, now],
    );
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
      onDuty: await this.duty.onDutyAt(associationId, now),
      violationStats: stats.map((s) => ({ month: s.month, kind: s.kind, count: Number(s.count) })),
    };
  }
}

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
