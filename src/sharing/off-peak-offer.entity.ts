import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { WeeklyRule } from './offer-windows';

export const OFFER_STATUSES = ['live', 'paused', 'ended'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** 错时共享: places of a car park lent to eligible residents in recurring windows. */
@Entity('off_peak_offer')
export class OffPeakOffer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'car_park_id', type: 'uuid' }) carParkId!: string;
  @Column({ name: 'resident_unit_id', type: 'uuid' }) residentUnitId!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column() title!: string;
  @Column({ type: 'text' }) status!: OfferStatus;
  @Column({ type: 'integer' }) places!: number;
  /** Places held by standing allocations (monthly passes); the rest are booked night by night. */
  @Column({ name: 'standing_places', type: 'integer' }) standingPlaces!: number;
  @Column({ name: 'standing_admitted', type: 'integer' }) standingAdmitted!: number;
  @Column({ name: 'named_spaces' }) namedSpaces!: boolean;
  @Column({ name: 'weekly_rules', type: 'jsonb' }) weeklyRules!: WeeklyRule[];
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @Column({ name: 'blackout_dates', type: 'date', array: true }) blackoutDates!: string[];
  @Column({ name: 'eligible_association_ids', type: 'uuid', array: true })
  eligibleAssociationIds!: string[];
  /** null: the convention's sharedGraceMinutes applies. */
  @Column({ name: 'grace_minutes', type: 'integer', nullable: true }) graceMinutes!: number | null;
  @Column({ name: 'monthly_fee_cny', type: 'numeric' }) monthlyFeeCny!: string;
  @Column({ name: 'booking_days_ahead', type: 'integer' }) bookingDaysAhead!: number;
  @Column({ name: 'terms_text' }) termsText!: string;
  @Column({ name: 'terms_hash' }) termsHash!: string;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;

  /** Places booked night by night. */
  get nightlyPlaces(): number {
    return this.places - this.standingPlaces;
  }
}
