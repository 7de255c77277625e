import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { AssociationsService } from '../../associations/associations.service';
import { parsePlate } from '../../shared/plate';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { startOfShanghaiMonth } from '../../common/shanghai-time';
import { appConfig, type AppConfig } from '../../config';
import { ConventionRulesService } from '../../conventions/convention-rules.service';
import { Transactions } from '../../database/transactions';
import { PermitEventRepository } from '../permit-event.repository';
import { PermitRepository } from '../permit.repository';
import { statusAt } from '../permit-status';
import { PermitTokensService } from '../permit-tokens.service';
import { toPermitView } from '../views';
import { guestPageHtml } from './guest-page';
import type { VisitorPassResponse } from '../../shared/api/permits';
import type { IssueVisitorPassDto } from './visitor-pass.dto';

const HOUR_MS = 3_600_000;

/** Visitor passes (访客通行证): a household issues them for guests, within the convention's quota. */
@Injectable()
export class VisitorPassesService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly ledger: PermitEventRepository,
    private readonly rules: ConventionRulesService,
    private readonly associations: AssociationsService,
    private readonly tokens: PermitTokensService,
    private readonly transactions: Transactions,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * `origin` is where the request came to (its protocol and host, behind a trusted proxy the
   * forwarded ones): the guest's link points there unless PUBLIC_URL names the public address.
   */
  async issue(
    actor: Actor,
    dto: IssueVisitorPassDto,
    origin: string,
  ): Promise<VisitorPassResponse> {
    const householdId = actor.householdId;
    if (!householdId) throw new DomainError('visitor_pass.no_household');
    const parsed = parsePlate(dto.plate, dto.plateColor);
    if (!parsed.ok) throw new DomainError('visitor_pass.plate_invalid', { plate: dto.plate });
    if (dto.laneId) await this.associations.readableLane(actor, dto.laneId);
    const now = this.clock.now();
    const rules = await this.rules.rulesInForce(actor.associationId, now);
    const { visitorPassesPerMonth: quota, visitorPassMaxHours: maxHours } = rules.parameters;
    if (dto.hours > maxHours) {
      const article = rules.articleFor('visitorPassMaxHours')?.number ?? null;
      throw new DomainError('visitor_pass.too_long', { maxHours, article });
    }
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : now;
    const guestToken = randomBytes(18).toString('base64url');
    const { permit, used } = await this.transactions.run(async (tx) => {
      await this.permits.lockVisitorPassesOf(householdId, tx);
      const usedBefore = await this.permits.countVisitorPassesSince(
        householdId,
        startOfShanghaiMonth(now),
        tx,
      );
      if (usedBefore >= quota) {
        const article = rules.articleFor('visitorPassesPerMonth')?.number ?? null;
        throw new DomainError('visitor_pass.quota_used', { quota, article });
      }
      const saved = await this.permits.insert(
        {
          associationId: actor.associationId,
          kind: 'visitor',
          vehicleId: null,
          householdId,
          plate: parsed.plate,
          laneId: dto.laneId ?? null,
          status: 'active',
          validFrom,
          validTo: new Date(validFrom.getTime() + dto.hours * HOUR_MS),
          guestToken,
          appliedBy: actor.memberId,
          note: dto.note ?? '',
          at: now,
        },
        tx,
      );
      await this.ledger.record(
        {
          permitId: saved.id,
          associationId: saved.associationId,
          type: 'issued',
          actorMemberId: actor.memberId,
          reason: dto.note,
          at: now,
        },
        tx,
      );
      return { permit: saved, used: usedBefore + 1 };
    });
    return {
      permit: toPermitView(permit, actor, now),
      guestUrl: `${(this.app.publicUrl || origin).replace(/\/+$/, '')}/visit/${guestToken}`,
      usedThisMonth: used,
      quota,
    };
  }

  /** The guest's page: anyone holding the unguessable link sees the pass, nothing else. */
  async guestPage(guestToken: string): Promise<string | null> {
    const permit = await this.permits.findByGuestToken(guestToken);
    if (!permit) return null;
    const association = await this.associations.findById(permit.associationId);
    const status = statusAt(permit, this.clock.now());
    const qrSvg =
      status === 'active' || status === 'scheduled' ? await this.tokens.qrSvg(permit) : null;
    return guestPageHtml(permit, association?.name ?? '', status, qrSvg);
  }
}
