import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { DataSource, Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { BOOKING_SELECT, type BookingRow, toBookingView } from './booking-rows';
import { CarPark } from './car-park.entity';
import type { BookingView } from './dto/booking.dto';
import type { CarParkView, CreateCarParkDto } from './dto/car-park.dto';
import { isLocalDate, shanghaiDate } from '../common/shanghai-time';
import { isAssociationReader, isEligibleReader, isStaffOf } from './sharing-access';

export const BOOKING_LEDGER_COLUMNS = [
  'night',
  'startsAt',
  'endsAt',
  'offer',
  'space',
  'plate',
  'plateColor',
  'status',
  'bookedAt',
  'termsHash',
  'termsAcceptedAt',
  'arrivedAt',
  'leftAt',
  'cancelledAt',
  'cancelReason',
] as const;

@Injectable()
export class CarParksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CarPark) private readonly carParks: Repository<CarPark>,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateCarParkDto): Promise<CarParkView> {
    if (actor.role !== 'unit' || !actor.residentUnitId)
      throw DomainError.forbidden('仅驻区单位可登记车库 / only resident unit staff add car parks');
    if (dto.spaceCodes && dto.spaceCodes.length > dto.totalSpaces)
      throw DomainError.invalid('车位编号多于车位总数 / more space codes than totalSpaces');
    const id = await this.dataSource
      .transaction(async (em) => {
        const saved = await em.save(
          em.create(CarPark, {
            associationId: actor.associationId,
            residentUnitId: actor.residentUnitId!,
            name: dto.name,
            address: dto.address ?? '',
            entranceNotes: dto.entranceNotes ?? '',
            latitude: dto.latitude === undefined ? null : String(dto.latitude),
            longitude: dto.longitude === undefined ? null : String(dto.longitude),
            totalSpaces: dto.totalSpaces,
          }),
        );
        for (const code of dto.spaceCodes ?? [])
          await em.query(`INSERT INTO car_park_space (car_park_id, code) VALUES ($1, $2)`, [
            saved.id,
            code,
          ]);
        return saved.id;
      })
      .catch((error: unknown) => {
        if (String(error).includes('car_park_name_key'))
          throw DomainError.conflict(
            `车库名称已存在 / your unit already has a car park "${dto.name}"`,
          );
        throw error;
      });
    return this.get(actor, id);
  }

  /** Unit staff: their own; residents: those with an offer open to them; council: the association's. */
  async list(actor: Actor): Promise<CarParkView[]> {
    let parks: CarPark[];
    if (actor.role === 'unit') {
      parks = await this.carParks.find({
        where: { residentUnitId: actor.residentUnitId ?? '' },
        order: { name: 'ASC' },
      });
    } else if (actor.role === 'resident') {
      parks = await this.carParks
        .createQueryBuilder('p')
        .where(
          `EXISTS (SELECT 1 FROM off_peak_offer o WHERE o.car_park_id = p.id AND o.status <> 'ended'
                     AND :aid = ANY(o.eligible_association_ids))`,
          { aid: actor.associationId },
        )
        .orderBy('p.name', 'ASC')
        .getMany();
    } else {
      parks = await this.carParks
        .createQueryBuilder('p')
        .where('p.associationId IN (:...ids)', { ids: actor.readableAssociationIds })
        .orderBy('p.name', 'ASC')
        .getMany();
    }
    return Promise.all(parks.map((p) => this.toView(p)));
  }

  /** Ids followed by a live `subscribe {}`. */
  async idsFor(actor: Actor): Promise<string[]> {
    return (await this.list(actor)).map((p) => p.id);
  }

  async get(actor: Actor, id: string): Promise<CarParkView> {
    return this.toView(await this.readable(actor, id));
  }

  /** Unit staff of its unit, the association's readers, and residents eligible for one of its offers. */
  async readable(actor: Actor, id: string): Promise<CarPark> {
    const park = await this.carParks.findOneBy({ id });
    let visible = !!park && (isStaffOf(actor, park) || isAssociationReader(actor, park));
    if (park && !visible && actor.role === 'resident') {
      const offers: { eligible_association_ids: string[] }[] = await this.dataSource.query(
        `SELECT eligible_association_ids FROM off_peak_offer WHERE car_park_id = $1 AND status <> 'ended'`,
        [id],
      );
      visible = offers.some((o) =>
        isEligibleReader(actor, { eligibleAssociationIds: o.eligible_association_ids }),
      );
    }
    if (!park || !visible) throw DomainError.notFound('car park', id);
    return park;
  }

  /** A night's bookings for the unit's gate (plates) or the council; default tonight. */
  async bookings(actor: Actor, id: string, night?: string): Promise<BookingView[]> {
    const park = await this.bookingReader(actor, id);
    const date = night ?? shanghaiDate(this.clock.now());
    if (!isLocalDate(date)) throw DomainError.invalid(`日期无效 / ${date} is not a date`);
    const rows: BookingRow[] = await this.dataSource.query(
      `${BOOKING_SELECT} WHERE b.car_park_id = $1 AND b.night = $2 ORDER BY b.status, s.code NULLS LAST, b.created_at`,
      [park.id, date],
    );
    return rows.map((r) => toBookingView(r, actor));
  }

  /** The booking ledger (台账) as CSV, with a BOM so spreadsheets read the Chinese. */
  async ledgerCsv(actor: Actor, id: string, from?: string, to?: string): Promise<string> {
    const park = await this.bookingReader(actor, id);
    for (const d of [from, to])
      if (d && !isLocalDate(d)) throw DomainError.invalid(`日期无效 / ${d}`);
    const rows: BookingRow[] = await this.dataSource.query(
      `${BOOKING_SELECT} WHERE b.car_park_id = $1 AND ($2::date IS NULL OR b.night >= $2)
          AND ($3::date IS NULL OR b.night <= $3) ORDER BY b.night, b.created_at`,
      [park.id, from ?? null, to ?? null],
    );
    const records = rows.map((row) => {
      const v = toBookingView(row, actor);
      return [
        v.night,
        v.startsAt,
        v.endsAt,
        v.offerTitle,
        v.spaceCode ?? '',
        v.plate,
        v.plateColor,
        v.status,
        v.bookedAt,
        v.termsHash,
        v.termsAcceptedAt,
        v.arrivedAt ?? '',
        v.leftAt ?? '',
        v.cancelledAt ?? '',
        v.cancelReason ?? '',
      ];
    });
    return '\ufeff' + stringify([[...BOOKING_LEDGER_COLUMNS], ...records]);
  }

  private async bookingReader(actor: Actor, id: string): Promise<CarPark> {
    const park = await this.readable(actor, id);
    const council =
      (actor.role === 'admin' || actor.role === 'warden') &&
      actor.associationId === park.associationId;
    if (!isStaffOf(actor, park) && !council) throw DomainError.forbidden();
    return park;
  }

  private async toView(park: CarPark): Promise<CarParkView> {
    const spaces: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM car_park_space WHERE car_park_id = $1 ORDER BY code`,
      [park.id],
    );
    return {
      id: park.id,
      associationId: park.associationId,
      residentUnitId: park.residentUnitId,
      name: park.name,
      address: park.address,
      entranceNotes: park.entranceNotes,
      latitude: park.latitude === null ? null : Number(park.latitude),
      longitude: park.longitude === null ? null : Number(park.longitude),
      totalSpaces: park.totalSpaces,
      spaceCodes: spaces.map((s) => s.code),
    };
  }
}
