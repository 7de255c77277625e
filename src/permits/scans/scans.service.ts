import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { AssociationsService } from '../../associations/associations.service';
import { formatPlate, normalisePlate } from '../../associations/plate';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { type Page, pageOf, skipOf } from '../../common/pagination';
import { onDutySql } from '../../rosters/on-duty-sql';
import { Permit } from '../permit.entity';
import { PermitTokensService } from '../permit-tokens.service';
import { type Judgement, judge, type ScanPlace, verdict, VERDICTS } from '../verdict';
import type { ScanDto, ScanQuery, ScanView } from './scan.dto';
import { SharedWindows } from './shared-windows';

type Method = 'token' | 'number' | 'plate';

interface PermitRow {
  id: string;
  number: string;
  association_id: string;
  kind: Permit['kind'];
  vehicle_id: string | null;
  household_id: string | null;
  plate: string;
  lane_id: string | null;
  car_park_id: string | null;
  status: Permit['status'];
  valid_from: Date;
  valid_to: Date;
  suspended_until: Date | null;
}

interface ScanRow {
  id: string;
  permit_id: string | null;
  verdict: ScanView['verdict'];
  reason: string;
  scanned_at: Date;
  recorder_on_duty: boolean | null;
}

/** A warden's scan: judged once, recorded once per idempotency key. */
@Injectable()
export class ScansService {
  constructor(
    @InjectRepository(Permit) private readonly permits: Repository<Permit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: PermitTokensService,
    private readonly associations: AssociationsService,
    private readonly sharedWindows: SharedWindows,
    private readonly clock: Clock,
  ) {}

  async scan(actor: Actor, dto: ScanDto): Promise<ScanView> {
    const method = methodOf(dto);
    if (dto.laneId) {
      const lane = await this.associations.readableLane(actor, dto.laneId);
      if (lane.associationId !== actor.associationId)
        throw DomainError.notFound('lane', dto.laneId);
    }
    const now = this.clock.now();
    const at = dto.scannedAt ? new Date(dto.scannedAt) : now;
    if (at.getTime() > now.getTime() + 5 * 60_000) {
      throw DomainError.invalid('扫描时间不能在将来 / scannedAt is in the future');
    }
    const place: ScanPlace = {
      associationId: actor.associationId,
      laneId: dto.laneId ?? null,
      carParkId: dto.carParkId ?? null,
    };
    const { permit, judgement } = await this.judgeScan(method, dto, place, at);
    // Only this association's permits are linked: a foreign one stays anonymous in our records.
    const ownPermit = permit && permit.associationId === actor.associationId ? permit : null;
    const inserted: ScanRow[] = await this.dataSource.query(
      `INSERT INTO permit_scan (association_id, scanned_by, idempotency_key, permit_id, method,
          plate_seen, lane_id, car_park_id, space_label, verdict, reason, scanned_at, recorded_at, offline,
          recorder_on_duty)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
          -- A warden's duty at the scan's own time (an offline scan synced later counts for the
          -- shift it fell in), judged in the same round trip as the INSERT.
          CASE WHEN $15::boolean THEN ${onDutySql('$2', '$12')} END)
       ON CONFLICT ON CONSTRAINT permit_scan_idempotency_key DO NOTHING
       RETURNING id, permit_id, verdict, reason, scanned_at, recorder_on_duty`,
      [
        actor.associationId,
        actor.memberId,
        dto.idempotencyKey,
        ownPermit?.id ?? null,
        method,
        dto.plateSeen
          ? normalisePlate(dto.plateSeen)
          : method === 'plate'
            ? normalisePlate(dto.plate!)
            : null,
        place.laneId,
        place.carParkId,
        dto.spaceLabel ?? null,
        judgement.verdict,
        judgement.reason,
        at,
        now,
        dto.offline ?? false,
        actor.role === 'warden',
      ],
    );
    if (inserted[0]) return toScanView(inserted[0], ownPermit, false);
    return this.replay(actor, dto.idempotencyKey);
  }

  async list(actor: Actor, query: ScanQuery): Promise<Page<ScanView>> {
    const [rows, totalRows] = await Promise.all([
      this.dataSource.query<ScanRow[]>(
        `SELECT id, permit_id, verdict, reason, scanned_at, recorder_on_duty FROM permit_scan
          WHERE association_id = $1 ORDER BY scanned_at DESC LIMIT $2 OFFSET $3`,
        [actor.associationId, query.pageSize, skipOf(query)],
      ),
      this.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM permit_scan WHERE association_id = $1`,
        [actor.associationId],
      ),
    ]);
    const permits = await this.permitsById(rows.map((r) => r.permit_id));
    return pageOf(
      rows.map((r) => toScanView(r, permits.get(r.permit_id ?? '') ?? null, false)),
      Number(totalRows[0]?.count ?? 0),
      query,
    );
  }

  private async judgeScan(method: Method, dto: ScanDto, place: ScanPlace, at: Date) {
    let permit: Permit | null = null;
    if (method === 'token') {
      const check = await this.tokens.check(dto.token!);
      if (!check.ok) return { permit: null, judgement: verdict('forged') };
      permit = await this.byNumber(check.claims.p);
      // A genuine signature over claims the permit no longer has (another plate): not this car.
      if (permit && check.claims.n !== permit.plate)
        return { permit, judgement: verdict('plate_mismatch') };
    } else if (method === 'number') {
      permit = await this.byNumber(dto.permitNumber!);
    } else {
      return this.judgeByPlate(normalisePlate(dto.plate!), place, at);
    }
    return { permit, judgement: await this.judgeOne(permit, dto.plateSeen, place, at) };
  }

  /** A typed plate: the best verdict among this association's permits for it. */
  private async judgeByPlate(plate: string, place: ScanPlace, at: Date) {
    const candidates = await this.permits.find({
      where: { associationId: place.associationId, plate },
      order: { validTo: 'DESC' },
      take: 10,
    });
    let best: { permit: Permit | null; judgement: Judgement } = {
      permit: null,
      judgement: verdict('unknown'),
    };
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
  ) {
    const withinWindow =
      permit?.carParkId && permit.associationId === place.associationId
        ? await this.sharedWindows.within(
            {
              permitId: permit.id,
              associationId: permit.associationId,
              carParkId: permit.carParkId,
              vehicleId: permit.vehicleId,
            },
            at,
          )
        : null;
    return judge({ permit, place, plateSeen, at, withinWindow });
  }

  /** The hot path of every scan: plain SQL, no query builder. */
  private async byNumber(number: number): Promise<Permit | null> {
    const rows: PermitRow[] = await this.dataSource.query(
      `SELECT id, number, association_id, kind, vehicle_id, household_id, plate, lane_id, car_park_id,
              status, valid_from, valid_to, suspended_until
         FROM permit WHERE number = $1`,
      [number],
    );
    const row = rows[0];
    if (!row) return null;
    return this.permits.create({
      id: row.id,
      number: Number(row.number),
      associationId: row.association_id,
      kind: row.kind,
      vehicleId: row.vehicle_id,
      householdId: row.household_id,
      plate: row.plate,
      laneId: row.lane_id,
      carParkId: row.car_park_id,
      status: row.status,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      suspendedUntil: row.suspended_until,
    });
  }

  private async replay(actor: Actor, key: string): Promise<ScanView> {
    const rows: ScanRow[] = await this.dataSource.query(
      `SELECT id, permit_id, verdict, reason, scanned_at, recorder_on_duty FROM permit_scan
        WHERE scanned_by = $1 AND idempotency_key = $2`,
      [actor.memberId, key],
    );
    const row = rows[0]!;
    const permit = row.permit_id ? await this.permits.findOneBy({ id: row.permit_id }) : null;
    return toScanView(row, permit, true);
  }

  private async permitsById(ids: (string | null)[]): Promise<Map<string, Permit>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.permits.createQueryBuilder('p').whereInIds(wanted).getMany();
    return new Map(rows.map((p) => [p.id, p]));
  }
}

function methodOf(dto: ScanDto): Method {
  const given = [dto.token, dto.permitNumber, dto.plate].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw DomainError.invalid(
      '请提供二维码、证号或车牌之一 / send exactly one of token, permitNumber or plate',
    );
  }
  return dto.token !== undefined ? 'token' : dto.permitNumber !== undefined ? 'number' : 'plate';
}

function rank(j: Judgement): number {
  return VERDICTS.indexOf(j.verdict);
}

function toScanView(row: ScanRow, permit: Permit | null, replayed: boolean): ScanView {
  return {
    id: row.id,
    verdict: row.verdict,
    reason: row.reason,
    replayed,
    permit: permit
      ? {
          number: permit.number,
          kind: permit.kind,
          plate: formatPlate(permit.plate),
          validTo: permit.validTo,
        }
      : null,
    scannedAt: row.scanned_at,
    recorderOnDuty: row.recorder_on_duty,
  };
}
