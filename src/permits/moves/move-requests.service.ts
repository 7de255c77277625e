import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import type { Actor } from '../../auth/actor';
import { normalisePlate, parsePlate } from '../../shared/plate';
import { appConfig, type AppConfig } from '../../config';
import { VehiclesService } from '../../associations/vehicles.service';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { DomainEvents } from '../../common/domain-events';
import { Transactions } from '../../database/transactions';
import type { Permit } from '../permit';
import { PermitRepository } from '../permit.repository';
import { MoveAnswered, MoveRequested } from '../permits.events';
import type { AskedMoveView, MoveAnswer, MoveRequestView } from './move-request.dto';
import { MoveRequestRepository } from './move-request.repository';
import { moveRequestSeenBy } from './move-request.view';
import { NOTICE_LIFETIME_MS, newNoticeToken, noticeUrl } from './windscreen-notice';

/**
 * 挪车: ask the holder of a plate's permit to move, without ever learning who or how to call; a
 * car the association does not know gets a windscreen notice whose public page the driver answers.
 */
@Injectable()
export class MoveRequestsService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly requests: MoveRequestRepository,
    private readonly vehicles: VehiclesService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /** `origin`: where the request came to, for the notice's link when PUBLIC_URL is not set. */
  async ask(actor: Actor, plateInput: string, note = '', origin = ''): Promise<AskedMoveView> {
    const now = this.clock.now();
    const plate = normalisePlate(plateInput);
    const [permit] = await this.permits.inForceByPlate(actor.associationId, plate, now);
    const holder = permit ? await this.holderOf(permit) : null;
    if (!permit || !holder) return this.leaveNotice(actor, plateInput, note, now, origin);
    const request = await this.transactions.run(async (tx) => {
      const asked = await this.requests.insert(
        {
          associationId: actor.associationId,
          permitId: permit.id,
          askedBy: actor.memberId,
          holderMemberId: holder,
          note,
          at: now,
        },
        tx,
      );
      this.events.publish(tx, new MoveRequested(asked));
      return asked;
    });
    return moveRequestSeenBy(request, actor.memberId);
  }

  /** A car nobody here knows: a notice for its windscreen, answered on its public page. */
  private async leaveNotice(
    actor: Actor,
    plateInput: string,
    note: string,
    now: Date,
    origin: string,
  ): Promise<AskedMoveView> {
    const parsed = parsePlate(plateInput);
    if (!parsed.ok) throw new DomainError('move_notice.plate_invalid', { plate: plateInput });
    const { token, hash } = newNoticeToken();
    const expiresAt = new Date(now.getTime() + NOTICE_LIFETIME_MS);
    const request = await this.transactions.run((tx) =>
      this.requests.insertNotice(
        {
          associationId: actor.associationId,
          plate: parsed.plate,
          askedBy: actor.memberId,
          note,
          at: now,
          tokenHash: hash,
          expiresAt,
        },
        tx,
      ),
    );
    const url = noticeUrl(this.app.publicUrl || origin, token);
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return {
      ...moveRequestSeenBy(request, actor.memberId),
      notice: {
        url,
        qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        expiresAt,
      },
    };
  }

  async mine(actor: Actor): Promise<MoveRequestView[]> {
    const requests = await this.requests.involving(actor.memberId, 50);
    return requests.map((r) => moveRequestSeenBy(r, actor.memberId));
  }

  async answer(actor: Actor, id: string, answer: MoveAnswer): Promise<MoveRequestView> {
    const request = await this.transactions.run(async (tx) => {
      const asked = await this.requests.lockAskedOf(id, actor.memberId, tx);
      if (!asked) throw DomainError.notFound('move request', id);
      if (asked.answer) throw new DomainError('move_request.already_answered');
      const answered = await this.requests.answer(id, answer, this.clock.now(), tx);
      this.events.publish(tx, new MoveAnswered(answered));
      return answered;
    });
    return moveRequestSeenBy(request, actor.memberId);
  }

  /** The vehicle's owner, else whoever applied for or issued the permit (a visitor pass). */
  private async holderOf(permit: Permit): Promise<string | null> {
    if (permit.vehicleId) {
      const vehicle = await this.vehicles.findById(permit.vehicleId);
      if (vehicle?.ownerMemberId) return vehicle.ownerMemberId;
    }
    return permit.appliedBy;
  }
}
