import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { AssociationsService } from '../../associations/associations.service';
import { parsePlate } from '../../associations/plate';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import {
  citeArticle,
  type ParameterName,
  type RulesInForce,
} from '../../conventions/convention-parameters';
import { ConventionRulesService } from '../../conventions/convention-rules.service';
import { Permit } from '../permit.entity';
import { recordPermitEvent } from '../permit-events';
import { startOfShanghaiMonth } from '../../common/shanghai-time';
import { statusAt } from '../permit-status';
import { PermitTokensService } from '../permit-tokens.service';
import { toPermitView } from '../views';
import { guestPageHtml } from './guest-page';
import type { IssueVisitorPassDto, VisitorPassView } from './visitor-pass.dto';

const HOUR_MS = 3_600_000;

/** Visitor passes (访客通行证): a household issues them for guests, within the convention's quota. */
@Injectable()
export class VisitorPassesService {
  constructor(
    @InjectRepository(Permit) private readonly permits: Repository<Permit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: ConventionRulesService,
    private readonly associations: AssociationsService,
    private readonly tokens: PermitTokensService,
    private readonly clock: Clock,
  ) {}

  async issue(actor: Actor, dto: IssueVisitorPassDto): Promise<VisitorPassView> {
    const householdId = actor.householdId;
    if (!householdId) {
      throw DomainError.forbidden(
        '您尚未登记住户 / only a registered household issues visitor passes',
      );
    }
    const parsed = parsePlate(dto.plate, dto.plateColor);
    if (!parsed.ok) throw DomainError.invalid(parsed.reason, { field: 'plate' });
    if (dto.laneId) await this.associations.readableLane(actor, dto.laneId);
    const now = this.clock.now();
    const rules = await this.rules.rulesInForce(actor.associationId, now);
    const { visitorPassesPerMonth: quota, visitorPassMaxHours: maxHours } = rules.parameters;
    if (dto.hours > maxHours) {
      throw DomainError.invalid(
        refusal(
          rules,
          'visitorPassMaxHours',
          `访客通行证最长${maxHours}小时`,
          `a visitor pass lasts at most ${maxHours} hours`,
        ),
      );
    }
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : now;
    const guestToken = randomBytes(18).toString('base64url');
    const { permit, used } = await this.dataSource.transaction(async (em) => {
      // One household's passes are counted and issued one at a time, so two phones cannot both
      // take the last pass of the month.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('visitor-pass:' || $1))`, [
        householdId,
      ]);
      const counted: { count: string }[] = await em.query(
        `SELECT count(*) FROM permit
          WHERE household_id = $1 AND kind = 'visitor' AND created_at >= $2 AND status <> 'rejected'`,
        [householdId, startOfShanghaiMonth(now)],
      );
      const usedBefore = Number(counted[0]?.count ?? 0);
      if (usedBefore >= quota) {
        throw DomainError.conflict(
          refusal(
            rules,
            'visitorPassesPerMonth',
            `本户本月${quota}张访客通行证已用完`,
            `this household has used all ${quota} visitor passes of this month`,
          ),
        );
      }
      const repo = em.getRepository(Permit);
      const saved = await repo.save(
        repo.create({
          associationId: actor.associationId,
          kind: 'visitor',
          vehicleId: null,
          householdId,
          plate: parsed.plate,
          laneId: dto.laneId ?? null,
          status: 'active',
          validFrom,
          validTo: new Date(validFrom.getTime() + dto.hours * HOUR_MS),
          feeCny: 0,
          guestToken,
          appliedBy: actor.memberId,
          note: dto.note ?? '',
          createdAt: now,
          updatedAt: now,
        }),
      );
      await recordPermitEvent(em, {
        permitId: saved.id,
        associationId: saved.associationId,
        type: 'issued',
        by: actor,
        reason: dto.note,
        at: now,
      });
      return { permit: saved, used: usedBefore + 1 };
    });
    const fresh = await this.permits.findOneByOrFail({ id: permit.id });
    return {
      permit: toPermitView(fresh, actor, now),
      guestUrl: `/visit/${guestToken}`,
      usedThisMonth: used,
      quota,
    };
  }

  /** The guest's page: anyone holding the unguessable link sees the pass, nothing else. */
  async guestPage(guestToken: string): Promise<string | null> {
    const permit = await this.permits
      .createQueryBuilder('p')
      .where('p.guestToken = :guestToken', { guestToken })
      .getOne();
    if (!permit) return null;
    const association = await this.associations.findById(permit.associationId);
    const status = statusAt(permit, this.clock.now());
    const qrSvg =
      status === 'active' || status === 'scheduled' ? await this.tokens.qrSvg(permit) : null;
    return guestPageHtml(permit, association?.name ?? '', status, qrSvg);
  }
}

function refusal(rules: RulesInForce, parameter: ParameterName, zh: string, en: string): string {
  return rules.articleFor(parameter) ? citeArticle(rules, parameter, en) : `${zh} / ${en}`;
}
