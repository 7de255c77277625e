import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { formatPlate, normalisePlate } from '../../shared/plate';
import { VehiclesService } from '../../associations/vehicles.service';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { DomainEvents } from '../../common/domain-events';
import { Transactions } from '../../database/transactions';
import type { Permit } from '../permit';
import { PermitRepository } from '../permit.repository';
import { MoveAnswered, MoveRequested } from '../permits.events';
import type { MoveAnswer, MoveRequestView } from './move-request.dto';
import { MoveRequestRepository } from './move-request.repository';
import { moveRequestSeenBy } from './move-request.view';

/** 挪车: ask the holder of a plate's permit to move, without ever learning who or how to call. */
@Injectable()
export class MoveRequestsService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly requests: MoveRequestRepository,
    private readonly vehicles: VehiclesService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async ask(actor: Actor, plateInput: string, note = ''): Promise<MoveRequestView> {
    const now = this.clock.now();
    const plate = normalisePlate(plateInput);
    const [permit] = await this.permits.inForceByPlate(actor.associationId, plate, now);
    const holder = permit ? await this.holderOf(permit) : null;
    if (!permit || !holder) {
      throw DomainError.notFound('permit for plate', formatPlate(plate));
    }
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
