import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { AvailabilityService } from './availability.service';
import { CarPark } from './car-park.entity';
import type { OfferView, PublishOfferDto } from './dto/offer.dto';
import { eligibilityOf } from './eligibility';
import { OffPeakOffer } from './off-peak-offer.entity';
import { fromRuleDto, toOfferView } from './offer-views';
import { scheduleProblems } from './offer-windows';
import {
  assertUnitStaff,
  isAssociationReader,
  isEligibleReader,
  isStaffOf,
} from './sharing-access';

export function termsHashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Publishing and reading off-peak offers. Changes to live offers: OfferLifecycleService. */
@Injectable()
export class OffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OffPeakOffer) private readonly offers: Repository<OffPeakOffer>,
    @InjectRepository(CarPark) private readonly carParks: Repository<CarPark>,
    private readonly availability: AvailabilityService,
    private readonly conventions: ConventionRulesService,
  ) {}

  /** Residents: the live offers open to their association; unit staff: their own; council: theirs. */
  async list(actor: Actor): Promise<OfferView[]> {
    const qb = this.offers.createQueryBuilder('o').orderBy('o.createdAt', 'ASC');
    switch (actor.role) {
      case 'unit':
        qb.where('o.residentUnitId = :unit', { unit: actor.residentUnitId });
        break;
      case 'resident':
        qb.where(':aid = ANY(o.eligibleAssociationIds)', { aid: actor.associationId }).andWhere(
          `o.status <> 'ended'`,
        );
        break;
      case 'admin':
      case 'warden':
      case 'viewer':
        qb.where('o.associationId IN (:...ids)', { ids: actor.readableAssociationIds });
        break;
    }
    return this.views(actor, await qb.getMany());
  }

  async get(actor: Actor, id: string): Promise<OfferView> {
    const [view] = await this.views(actor, [await this.readable(actor, id)]);
    return view!;
  }

  /** The offer if the actor may read it, else 404. */
  async readable(actor: Actor, id: string): Promise<OffPeakOffer> {
    const offer = await this.offers.findOneBy({ id });
    const visible =
      offer &&
      (isStaffOf(actor, offer) ||
        isAssociationReader(actor, offer) ||
        isEligibleReader(actor, offer));
    if (!visible) throw DomainError.notFound('offer', id);
    return offer;
  }

  async publish(actor: Actor, dto: PublishOfferDto): Promise<OfferView> {
    const carPark = await this.carParks.findOneBy({ id: dto.carParkId });
    if (!carPark) throw DomainError.notFound('car park', dto.carParkId);
    assertUnitStaff(actor, carPark, 'car park', dto.carParkId);

    const rules = dto.rules.map(fromRuleDto);
    const schedule = {
      rules,
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
      blackoutDates: dto.blackoutDates ?? [],
    };
    const problems = scheduleProblems(schedule);
    if (problems.length > 0) throw DomainError.invalid(problems.join('; '), { problems });

    const offer = await this.dataSource.transaction(async (em) => {
      let spaceIds: string[] = [];
      if (dto.spaceCodes) {
        const spaces: { id: string; code: string }[] = await em.query(
          `SELECT id, code FROM car_park_space WHERE car_park_id = $1 AND code = ANY($2)`,
          [carPark.id, dto.spaceCodes],
        );
        const missing = dto.spaceCodes.filter((c) => !spaces.some((s) => s.code === c));
        if (missing.length > 0)
          throw DomainError.invalid(
            `车位不存在 / no such spaces in this car park: ${missing.join(', ')}`,
          );
        spaceIds = spaces.map((s) => s.id);
      }
      const places = dto.spaceCodes?.length ?? dto.places!;
      if (places > carPark.totalSpaces)
        throw DomainError.invalid(
          `超过车库车位总数 / ${places} places exceed the car park's ${carPark.totalSpaces} spaces`,
        );
      if ((dto.standingPlaces ?? 0) > places)
        throw DomainError.invalid('长期车位不能多于开放车位 / standingPlaces exceeds places');
      const termsText = dto.termsText ?? '';
      const saved = await em.save(
        em.create(OffPeakOffer, {
          carParkId: carPark.id,
          residentUnitId: carPark.residentUnitId,
          associationId: carPark.associationId,
          title: dto.title ?? carPark.name,
          status: 'live',
          places,
          standingPlaces: dto.standingPlaces ?? 0,
          standingAdmitted: 0,
          namedSpaces: spaceIds.length > 0,
          weeklyRules: rules,
          validFrom: dto.validFrom,
          validTo: dto.validTo ?? null,
          blackoutDates: dto.blackoutDates ?? [],
          eligibleAssociationIds: dto.eligibleAssociationIds ?? [carPark.associationId],
          graceMinutes: dto.graceMinutes ?? null,
          monthlyFeeCny: String(dto.monthlyFeeCny ?? 0),
          bookingDaysAhead: dto.bookingDaysAhead ?? 7,
          termsText,
          termsHash: termsHashOf(termsText),
          endedAt: null,
        }),
      );
      for (const spaceId of spaceIds) {
        await em.query(`INSERT INTO off_peak_offer_space (offer_id, space_id) VALUES ($1, $2)`, [
          saved.id,
          spaceId,
        ]);
      }
      return saved;
    });
    await this.availability.publish(offer.carParkId, offer.residentUnitId);
    return this.get(actor, offer.id);
  }

  /** Views with car park, unit, waiting list, grace and (for residents) eligibility. */
  async views(actor: Actor, offers: OffPeakOffer[]): Promise<OfferView[]> {
    if (offers.length === 0) return [];
    const ids = offers.map((o) => o.id);
    const context: {
      id: string;
      car_park_name: string;
      address: string;
      entrance_notes: string;
      unit_name: string;
      waiting: string;
    }[] = await this.dataSource.query(
      `SELECT o.id, cp.name AS car_park_name, cp.address, cp.entrance_notes, ru.name AS unit_name,
              (SELECT count(*) FROM standing_allocation a
                WHERE a.offer_id = o.id AND a.status = 'waiting') AS waiting
         FROM off_peak_offer o
         JOIN car_park cp ON cp.id = o.car_park_id
         JOIN resident_unit ru ON ru.id = o.resident_unit_id
        WHERE o.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(context.map((c) => [c.id, c]));
    const nights = await this.availability.nightsAhead(offers);
    const vehicles = await this.householdVehicles(actor);
    const graceByAssociation = new Map<string, number>();
    for (const associationId of new Set(offers.map((o) => o.associationId))) {
      const rules = await this.conventions.rulesInForce(associationId);
      graceByAssociation.set(associationId, rules.parameters.sharedGraceMinutes);
    }
    return offers.map((offer) => {
      const c = byId.get(offer.id)!;
      return toOfferView(offer, {
        carParkName: c.car_park_name,
        carParkAddress: c.address,
        entranceNotes: c.entrance_notes,
        unitName: c.unit_name,
        waiting: Number(c.waiting),
        graceMinutes: offer.graceMinutes ?? graceByAssociation.get(offer.associationId) ?? 15,
        nights: nights.get(offer.id) ?? [],
        eligibility:
          actor.role === 'resident'
            ? eligibilityOf({
                role: actor.role,
                householdId: actor.householdId,
                associationId: actor.associationId,
                eligibleAssociationIds: offer.eligibleAssociationIds,
                householdVehicles: vehicles,
              })
            : undefined,
      });
    });
  }

  private async householdVehicles(actor: Actor): Promise<number> {
    if (actor.role !== 'resident' || !actor.householdId) return 0;
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM vehicle WHERE household_id = $1`,
      [actor.householdId],
    );
    return Number(rows[0]?.count ?? 0);
  }
}
