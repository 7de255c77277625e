import type { Tx } from '../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { formatPlate, normalisePlate } from '../shared/plate';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type Page, pageOf, skipOf } from '../common/pagination';
import type { Permit, VersionedPermit } from '../permits/permit';
import { ScannedPermits } from '../permits/scanned-permits';
import { PermitTokensService, signedForItsAssociation } from '../permits/permit-tokens.service';
import { PermitsService } from '../permits/permits.service';
import { judge, type ScanPlace } from '../permits/verdict';
import type { Lang } from '../shared/i18n';
import { type Judgement, judgement, verdictMessage, VERDICTS } from '../shared/scans/verdict';
import { AvailabilityService } from '../sharing/availability.service';
import type { ScanDto, ScanListQuery, ScanQuery, ScanView } from './scan.dto';
import { type PartitionPass, ScanPartitionRepository } from './scan-partitions.repository';
import { ScanRecorder } from './scan-recorder';
import { type ScanMethod, ScanRepository } from './scan.repository';
import { canReadOwnPermitScans, canScan, scanRecordsDuty } from './scans.policy';
import type { HolderScan } from '../shared/api/permits';
import { toScanView } from './scan-views';

// An offline phone's clock may run a little fast; further ahead is a mistake.
const CLOCK_SKEW_MS = 5 * 60_000;

// A scan judged on a remembered permit that changed meanwhile is judged again, twice at most.
const MAX_ATTEMPTS = 3;

interface Judged {
  permit: Permit | null;
  judgement: Judgement;
  /** The permit row the judgement rests on, at the version read (token and number scans). */
  read?: VersionedPermit | null;
}

/**
 * A warden's scan: judged once, recorded once per idempotency key. Above permits and sharing: a
 * shared permit is judged against its car park's offer windows, read from sharing on every scan.
 */
@Injectable()
export class ScansService {
  private readonly logger = new Logger('Scans');

  constructor(
    private readonly scans: ScanRepository,
    private readonly partitions: ScanPartitionRepository,
    private readonly permits: PermitsService,
    private readonly tokens: PermitTokensService,
    private readonly availability: AvailabilityService,
    private readonly associations: AssociationsService,
    private readonly scannedPermits: ScannedPermits,
    private readonly recorder: ScanRecorder,
    private readonly clock: Clock,
  ) {}

  /** For the retention job: the association's scans past its period, in batches of `limit`. */
  pruneBefore(tx: Tx, associationId: string, before: Date, limit: number): Promise<number> {
    return this.scans.pruneBefore(tx, associationId, before, limit);
  }

  /**
   * For the retention job: drops the months of scans that end before `keepAfter` (past every
   * association's period; what a violation keeps moves out first) and makes the months from
   * `now`'s to `ahead` months later, so an insert rarely falls into the default partition.
   */
  async maintainPartitions(
    tx: Tx,
    now: Date,
    keepAfter: Date,
    ahead: number,
  ): Promise<PartitionPass> {
    const dropped = await this.partitions.dropEndedBefore(tx, keepAfter);
    return { ...dropped, created: await this.partitions.makeAhead(tx, now, ahead) };
  }

  async scan(actor: Actor, dto: ScanDto, lang: Lang): Promise<ScanView> {
    if (!canScan(actor)) throw new DomainError('role.forbidden');
    const method = methodOf(dto);
    await this.assertOwnPlace(actor, dto);
    const now = this.clock.now();
    const at = dto.scannedAt ? new Date(dto.scannedAt) : now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new DomainError('scan.in_future');
    const place: ScanPlace = {
      associationId: actor.associationId,
      laneId: dto.laneId ?? null,
      carParkId: dto.carParkId ?? null,
    };
    // A remembered permit is judged, and the INSERT records only while its row is unchanged;
    // otherwise judged again on a fresh read. The last try takes what it reads, unguarded.
    for (let attempt = 1; ; attempt++) {
      const { permit, judgement, read } = await this.judgeScan(method, dto, place, at);
      // Only this association's permits are linked: a foreign one stays anonymous in our records.
      const ownPermit = permit && permit.associationId === actor.associationId ? permit : null;
      const recorded = await this.recorder.record(
        {
          associationId: actor.associationId,
          scannedBy: actor.memberId,
          idempotencyKey: dto.idempotencyKey,
          permitId: ownPermit?.id ?? null,
          method,
          plateSeen: plateSeenOf(method, dto),
          laneId: place.laneId ?? null,
          carParkId: place.carParkId ?? null,
          spaceLabel: dto.spaceLabel ?? null,
          verdict: judgement.verdict,
          cause: judgement.cause,
          causeParams: judgement.params,
          scannedAt: at,
          recordedAt: now,
          offline: dto.offline ?? false,
          // A warden's duty at the scan's own time: an offline scan synced later counts for its shift.
          recordsDuty: scanRecordsDuty(actor),
        },
        read && attempt < MAX_ATTEMPTS ? read : null,
      );
      if (recorded === 'permit_changed') {
        this.scannedPermits.forget(read!.permit.number);
        continue;
      }
      if (recorded) return toScanView(recorded, ownPermit, false, lang);
      return this.replay(actor, dto.idempotencyKey, lang);
    }
  }

  async list(actor: Actor, query: ScanListQuery, lang: Lang): Promise<Page<ScanView>> {
    if (!canScan(actor)) throw new DomainError('role.forbidden');
    const [records, total] = await this.scans.page(
      {
        associationId: actor.associationId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      skipOf(query),
      query.pageSize,
    );
    const permits = await this.permits.byIds(
      records.flatMap((r) => (r.permitId ? [r.permitId] : [])),
    );
    const byId = new Map(permits.map((p) => [p.id, p]));
    return pageOf(
      records.map((r) => toScanView(r, byId.get(r.permitId ?? '') ?? null, false, lang)),
      total,
      query,
    );
  }

  /** The scans of the household's own permits, the latest first; the scanner stays unnamed. */
  async ofMyPermits(actor: Actor, query: ScanQuery, lang: Lang): Promise<Page<HolderScan>> {
    if (!canReadOwnPermitScans(actor)) throw new DomainError('forbidden');
    const permits = (await this.permits.ofHousehold(actor.householdId!)).filter(
      (p) => p.associationId === actor.associationId,
    );
    const [records, total] = await this.scans.pageOfPermits(
      actor.associationId,
      permits.map((p) => p.id),
      skipOf(query),
      query.pageSize,
    );
    const byId = new Map(permits.map((p) => [p.id, p]));
    const lanes = new Map(
      (await this.associations.listLanes(actor, actor.associationId)).map((l) => [l.id, l.name]),
    );
    return pageOf(
      records.map((r) => {
        const permit = byId.get(r.permitId ?? '')!;
        return {
          id: r.id,
          verdict: r.verdict,
          cause: r.cause,
          reason: verdictMessage(r.cause, r.causeParams, lang),
          permit: {
            number: permit.number,
            kind: permit.kind,
            plate: formatPlate(permit.plate),
            validTo: permit.validTo,
          },
          scannedAt: r.scannedAt,
          laneName: r.laneId ? (lanes.get(r.laneId) ?? null) : null,
          atCarPark: r.carParkId !== null,
          spaceLabel: r.spaceLabel,
        };
      }),
      total,
      query,
    );
  }

  /** A lane or car park of another association answers 404, and nothing is recorded. */
  private async assertOwnPlace(actor: Actor, dto: ScanDto): Promise<void> {
    if (dto.laneId) {
      const lane = await this.associations.readableLane(actor, dto.laneId);
      if (lane.associationId !== actor.associationId)
        throw DomainError.notFound('lane', dto.laneId);
    }
    if (
      dto.carParkId &&
      !(await this.availability.servesAssociation(dto.carParkId, actor.associationId))
    ) {
      throw DomainError.notFound('car park', dto.carParkId);
    }
  }

  private async judgeScan(
    method: ScanMethod,
    dto: ScanDto,
    place: ScanPlace,
    at: Date,
  ): Promise<Judged> {
    let read: VersionedPermit | null;
    if (method === 'token') {
      const check = await this.tokens.check(dto.token!);
      if (!check.ok) return { permit: null, judgement: judgement('forged') };
      read = await this.scannedPermits.byNumber(check.claims.p);
      const permit = read?.permit;
      // A key of one association never vouches for another association's permit.
      if (permit && !signedForItsAssociation(check, permit))
        return { permit: null, judgement: judgement('forged'), read };
      // A genuine signature over claims the permit no longer has (another plate): not this car.
      if (permit && check.claims.n !== permit.plate)
        return { permit, judgement: judgement('plate_mismatch'), read };
    } else if (method === 'number') {
      read = await this.scannedPermits.byNumber(dto.permitNumber!);
    } else {
      return this.judgeByPlate(normalisePlate(dto.plate!), place, at);
    }
    const permit = read?.permit ?? null;
    return { permit, judgement: await this.judgeOne(permit, dto.plateSeen, place, at), read };
  }

  /** A typed plate: the best verdict among this association's permits for it. */
  private async judgeByPlate(plate: string, place: ScanPlace, at: Date): Promise<Judged> {
    const candidates = await this.permits.byPlate(place.associationId, plate);
    let best: Judged = { permit: null, judgement: judgement('unknown') };
    for (const permit of candidates) {
      const judgement = await this.judgeOne(permit, null, place, at);
      if (rank(judgement) < rank(best.judgement)) best = { permit, judgement };
    }
    return best;
  }

  private async judgeOne(
    permit: Permit | null,
    plateSeen: string | undefined | null,
    place: ScanPlace,
    at: Date,
  ): Promise<Judgement> {
    const withinWindow =
      permit?.carParkId && permit.associationId === place.associationId
        ? await this.windowOpen(permit.carParkId, at)
        : null;
    return judge({ permit, place, plateSeen, at, withinWindow });
  }

  /**
   * Whether the car park's offers are open at `at`; null when the windows cannot be read, and
   * the verdict then fails closed (a shared permit is never valid on a guess).
   */
  private async windowOpen(carParkId: string, at: Date): Promise<boolean | null> {
    try {
      return await this.availability.openAt(carParkId, at);
    } catch (error) {
      this.logger.warn(`offer windows of car park ${carParkId} unreadable: ${String(error)}`);
      return null;
    }
  }

  private async replay(actor: Actor, key: string, lang: Lang): Promise<ScanView> {
    const record = await this.scans.byKey(actor.memberId, key);
    if (!record) throw new Error(`scan ${key} of ${actor.memberId} conflicted but is not there`);
    const [permit] = record.permitId ? await this.permits.byIds([record.permitId]) : [];
    return toScanView(record, permit ?? null, true, lang);
  }
}

function methodOf(dto: ScanDto): ScanMethod {
  const given = [dto.token, dto.permitNumber, dto.plate].filter((v) => v !== undefined).length;
  if (given !== 1) throw new DomainError('scan.one_method');
  return dto.token !== undefined ? 'token' : dto.permitNumber !== undefined ? 'number' : 'plate';
}

function plateSeenOf(method: ScanMethod, dto: ScanDto): string | null {
  if (dto.plateSeen) return normalisePlate(dto.plateSeen);
  return method === 'plate' ? normalisePlate(dto.plate!) : null;
}

function rank(j: Judgement): number {
  return VERDICTS.indexOf(j.verdict);
}
