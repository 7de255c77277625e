import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { isLocalDate, shanghaiDate } from '../common/shanghai-time';
import type { Ledger } from '../common/ledger/ledger-workbook';
import { BOOKING_LEDGER_COLUMNS, bookingLedgerRow } from './booking-ledger-columns';
import { Transactions } from '../database/transactions';
import type { Lang } from '../shared/i18n';
import { toBookingView } from './booking-views';
import { BookingRepository } from './booking.repository';
import { type CarPark, CarParkRepository } from './car-park.repository';
import type { CreateCarParkDto } from './dto/car-park.dto';
import { OffPeakOfferRepository } from './off-peak-offer.repository';
import {
  canAddCarPark,
  canReadCarParkBookings,
  isAssociationReader,
  isEligibleReader,
  isLenderOf,
  sharingScopeOf,
} from './sharing.policy';
import type { CarParkResponse } from '../shared/api/sharing';

@Injectable()
export class CarParksService {
  constructor(
    private readonly carParks: CarParkRepository,
    private readonly offers: OffPeakOfferRepository,
    private readonly bookingRows: BookingRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateCarParkDto): Promise<CarParkResponse> {
    if (!canAddCarPark(actor)) throw new DomainError('car_park.unit_only');
    const codes = dto.spaceCodes ?? [];
    if (codes.length > dto.totalSpaces)
      throw new DomainError('car_park.codes_exceed_spaces', {
        codes: codes.length,
        total: dto.totalSpaces,
      });
    const id = await this.transactions.run((tx) =>
      this.carParks.insert(
        tx,
        {
          associationId: actor.associationId,
          residentUnitId: actor.residentUnitId,
          name: dto.name,
          address: dto.address ?? '',
          entranceNotes: dto.entranceNotes ?? '',
          latitude: dto.latitude ?? null,
          longitude: dto.longitude ?? null,
          totalSpaces: dto.totalSpaces,
        },
        codes,
      ),
    );
    return this.get(actor, id);
  }

  /** Unit staff: their own; residents: those with an offer open to them; council: the association's. */
  async list(actor: Actor): Promise<CarParkResponse[]> {
    const scope = sharingScopeOf(actor);
    const parks =
      scope.kind === 'unit'
        ? await this.carParks.listOfUnit(scope.residentUnitId)
        : scope.kind === 'eligible'
          ? await this.carParks.listOpenTo(scope.associationId)
          : await this.carParks.listOfAssociations(scope.associationIds);
    return parks.map(toCarParkView);
  }

  /** Ids followed by a live `subscribe {}`. */
  async idsFor(actor: Actor): Promise<string[]> {
    return (await this.list(actor)).map((p) => p.id);
  }

  async get(actor: Actor, id: string): Promise<CarParkResponse> {
    return toCarParkView(await this.readable(actor, id));
  }

  /** Unit staff of its unit, the association's readers, and residents eligible for one of its offers. */
  async readable(actor: Actor, id: string): Promise<CarPark> {
    const park = await this.carParks.find(id);
    let visible = !!park && (isLenderOf(actor, park) || isAssociationReader(actor, park));
    if (park && !visible) {
      const offers = await this.offers.listOfCarPark(id);
      visible = offers.some((o) => o.status !== 'ended' && isEligibleReader(actor, o));
    }
    if (!park || !visible) throw DomainError.notFound('car park', id);
    return park;
  }

  /** A night's bookings for the unit's gate (plates) or the council; default tonight. */
  async bookings(actor: Actor, id: string, night: string | undefined, lang: Lang) {
    const park = await this.bookingReader(actor, id);
    const date = night ?? shanghaiDate(this.clock.now());
    if (!isLocalDate(date)) throw new DomainError('booking.date_invalid', { date });
    const rows = await this.bookingRows.listOfNight(park.id, date);
    return rows.map((r) => toBookingView(r, actor, lang));
  }

  /**
   * The booking ledger (台账), CSV or workbook: the rows and plates the reader's list shows, night
   * by night in the list's order, read in batches as the download goes.
   */
  async ledger(actor: Actor, id: string, lang: Lang, from?: string, to?: string): Promise<Ledger> {
    const park = await this.bookingReader(actor, id);
    for (const date of [from, to])
      if (date && !isLocalDate(date)) throw new DomainError('booking.date_invalid', { date });
    const batches = this.bookingRows.inLedgerOrder(park.id, from ?? null, to ?? null);
    const through = lang === 'en' ? ' to ' : ' 至 ';
    return {
      title: { 'zh-CN': '预约台账', en: 'Booking ledger' },
      keeper: park.name,
      period: `${from ?? ''}${through}${to ?? shanghaiDate(this.clock.now())}`,
      columns: BOOKING_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const rows of batches) {
          for (const row of rows) yield bookingLedgerRow(toBookingView(row, actor, lang), lang);
        }
      })(),
    };
  }

  private async bookingReader(actor: Actor, id: string): Promise<CarPark> {
    const park = await this.readable(actor, id);
    if (!canReadCarParkBookings(actor, park)) throw new DomainError('car_park.bookings_hidden');
    return park;
  }
}

function toCarParkView(park: CarPark): CarParkResponse {
  return {
    id: park.id,
    associationId: park.associationId,
    residentUnitId: park.residentUnitId,
    name: park.name,
    address: park.address,
    entranceNotes: park.entranceNotes,
    latitude: park.latitude,
    longitude: park.longitude,
    totalSpaces: park.totalSpaces,
    spaceCodes: park.spaceCodes,
  };
}
