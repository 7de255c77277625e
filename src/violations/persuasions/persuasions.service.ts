import { Injectable } from '@nestjs/common';
import { normalisePlate } from '../../shared/plate';
import { VehiclesService } from '../../associations/vehicles.service';
import type { Actor } from '../../auth/actor';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { type Page, pageOf, skipOf } from '../../common/pagination';
import { Transactions, type Tx } from '../../database/transactions';
import { RostersService } from '../../rosters/rosters.service';
import type { Violation } from '../violation';
import {
  canReadPersuasion,
  canRecordPersuasion,
  recordsAsWarden,
  seesOwnHouseholdOnly,
  canListViolations,
} from '../violations.policy';
import type { PersuasionOutcome, Persuasion } from './persuasion';
import type {
  AddPhotoDto,
  MonthlyPersuasionCount,
  PersuasionQuery,
  RecordGuidanceDto,
  RecordPersuasionDto,
} from './persuasion.dto';
import { cleanPhoto, PHOTO_MAX_BYTES, PHOTOS_PER_RECORD, type PhotoType } from './persuasion-photo';
import { PersuasionRepository } from './persuasion.repository';
import { toPersuasionView } from './persuasion-views';
import type { PersuasionResponse } from '../../shared/api/violations';

// A warden's phone clock may run a little ahead of the server's.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * 劝导 written down: what the warden said, what came of it, photos. Persuasion alone never climbs
 * the penalty ladder: the ladder counts violations, as the convention says; a persuasion recorded
 * with a violation step is that step's account.
 */
@Injectable()
export class PersuasionsService {
  constructor(
    private readonly persuasions: PersuasionRepository,
    private readonly transactions: Transactions,
    private readonly vehicles: VehiclesService,
    private readonly rosters: RostersService,
    private readonly clock: Clock,
  ) {}

  /** Joins the violation's transaction: the step and its account are kept together. */
  async recordWithViolation(
    violation: Violation,
    fields: { note?: string; outcome: PersuasionOutcome },
    tx: Tx,
  ): Promise<Persuasion> {
    return this.persuasions.insert(
      {
        associationId: violation.associationId,
        violationId: violation.id,
        kind: 'persuasion',
        plate: violation.plate,
        householdId: violation.householdId,
        place: violation.place,
        note: fields.note ?? '',
        outcome: fields.outcome,
        recordedBy: violation.recordedBy,
        recorderOnDuty: violation.recorderOnDuty,
        occurredAt: violation.occurredAt,
      },
      tx,
    );
  }

  async record(actor: Actor, dto: RecordPersuasionDto): Promise<PersuasionResponse> {
    this.assertRecorder(actor);
    const now = this.clock.now();
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new DomainError('persuasion.in_future');
    }
    const plate = normalisePlate(dto.plate);
    const vehicle = await this.vehicles.findByPlate(actor.associationId, plate);
    const saved = await this.persuasions.insert({
      associationId: actor.associationId,
      violationId: null,
      kind: 'persuasion',
      plate,
      householdId: vehicle?.householdId ?? null,
      place: dto.place,
      note: dto.note ?? '',
      outcome: dto.outcome,
      recordedBy: actor.memberId,
      recorderOnDuty: await this.onDuty(actor, occurredAt),
      occurredAt,
    });
    return toPersuasionView(saved, actor);
  }

  /** One tap: the warden guided a car to a free space (引导). */
  async guide(actor: Actor, dto: RecordGuidanceDto): Promise<PersuasionResponse> {
    this.assertRecorder(actor);
    const now = this.clock.now();
    const saved = await this.persuasions.insert({
      associationId: actor.associationId,
      violationId: null,
      kind: 'guidance',
      plate: null,
      householdId: null,
      place: dto.place ?? '',
      note: '',
      outcome: 'guided',
      recordedBy: actor.memberId,
      recorderOnDuty: await this.onDuty(actor, now),
      occurredAt: now,
    });
    return toPersuasionView(saved, actor);
  }

  async addPhoto(actor: Actor, id: string, dto: AddPhotoDto): Promise<PersuasionResponse> {
    const cleaned = cleanPhoto(dto.photo);
    if (!cleaned.ok) {
      throw cleaned.problem === 'too_large'
        ? new DomainError('persuasion.photo_too_large', { kb: PHOTO_MAX_BYTES / 1024 })
        : new DomainError('persuasion.photo_format');
    }
    const saved = await this.transactions.run(async (tx) => {
      const record = await this.persuasions.lock(id, tx);
      if (!record || !canReadPersuasion(actor, record)) {
        throw DomainError.notFound('persuasion', id);
      }
      if (!canRecordPersuasion(actor, record.associationId)) {
        throw new DomainError('persuasion.recorders_only');
      }
      if (record.photoIds.length >= PHOTOS_PER_RECORD) {
        throw new DomainError('persuasion.photos_full');
      }
      await this.persuasions.addPhoto(
        {
          persuasionId: id,
          position: record.photoIds.length + 1,
          contentType: cleaned.contentType,
          bytes: cleaned.bytes,
        },
        tx,
      );
      return (await this.persuasions.findById(id, tx))!;
    });
    return toPersuasionView(saved, actor);
  }

  async photo(
    actor: Actor,
    id: string,
    photoId: string,
  ): Promise<{ contentType: PhotoType; bytes: Buffer }> {
    await this.readable(actor, id);
    const photo = await this.persuasions.photo(id, photoId);
    if (!photo) throw DomainError.notFound('photo', photoId);
    return photo;
  }

  async get(actor: Actor, id: string): Promise<PersuasionResponse> {
    return toPersuasionView(await this.readable(actor, id), actor);
  }

  async list(actor: Actor, query: PersuasionQuery): Promise<Page<PersuasionResponse>> {
    if (!canListViolations(actor)) throw new DomainError('violation.units_cannot_read');
    let householdId: string | undefined;
    if (seesOwnHouseholdOnly(actor)) {
      if (!actor.householdId) return pageOf([], 0, query);
      householdId = actor.householdId;
    }
    const { rows, total } = await this.persuasions.page(
      { associationId: actor.associationId, householdId, violationId: query.violationId },
      skipOf(query),
      query.pageSize,
    );
    return pageOf(
      rows.map((p) => toPersuasionView(p, actor)),
      total,
      query,
    );
  }

  /** For the public board: how much persuasion and guidance the wardens did, month by month. */
  monthlyStatistics(associationId: string, now: Date): Promise<MonthlyPersuasionCount[]> {
    return this.persuasions.monthlyCounts(associationId, now);
  }

  private async readable(actor: Actor, id: string): Promise<Persuasion> {
    const record = await this.persuasions.findById(id);
    if (!record || !canReadPersuasion(actor, record)) throw DomainError.notFound('persuasion', id);
    return record;
  }

  private assertRecorder(actor: Actor): void {
    if (!canRecordPersuasion(actor, actor.associationId)) {
      throw new DomainError('persuasion.recorders_only');
    }
  }

  private async onDuty(actor: Actor, at: Date): Promise<boolean | null> {
    return recordsAsWarden(actor, actor.associationId)
      ? this.rosters.isOnDuty(actor.memberId, at)
      : null;
  }
}
