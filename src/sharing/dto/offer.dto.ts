import { IsYuan } from '../../common/yuan';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { OfferStatus } from '../off-peak-offer';
import { ELIGIBILITY_CONDITIONS, type EligibilityCondition } from '../eligibility';
import { PLATE_COLORS, type PlateColor } from '../../shared/plate';
import type {
  ConditionResponse,
  EligibilityResponse,
  Night,
  OfferResponse,
  VehicleEligibilityResponse,
  WeeklyRule,
} from '../../shared/api/sharing';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export class WeeklyRuleDto implements WeeklyRule {
  @ApiProperty({
    enum: ['weekdays', 'weekends', 'daily', 'custom'],
    description:
      'weekdays: official working days (incl. 调休 make-up days, not holidays); weekends: weekends and holidays; custom: the ISO weekdays listed',
  })
  @IsIn(['weekdays', 'weekends', 'daily', 'custom'])
  days!: 'weekdays' | 'weekends' | 'daily' | 'custom';

  @ApiPropertyOptional({ example: [1, 3], description: 'For custom: 1 Monday … 7 Sunday' })
  @ValidateIf((rule: WeeklyRuleDto) => rule.days === 'custom' || rule.weekdays !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[];

  @ApiProperty({ example: '19:00' })
  @Matches(TIME, { context: { format: 'HH:MM' } })
  from!: string;
  @ApiProperty({ example: '07:30', description: 'At or before `from`: the next morning' })
  @Matches(TIME, { context: { format: 'HH:MM' } })
  to!: string;
}

class OfferTermsFields {
  @ApiPropertyOptional({ type: [WeeklyRuleDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRuleDto)
  rules?: WeeklyRuleDto[];

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  validTo?: string;

  @ApiPropertyOptional({ example: ['2026-06-30'], description: "The unit's own events" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, context: { format: 'YYYY-MM-DD' } })
  blackoutDates?: string[];

  @ApiPropertyOptional({ description: "Defaults to the unit's own association" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  eligibleAssociationIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Only households registered in one of these lanes (of the eligible associations); empty or absent: any lane',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  eligibleLaneIds?: string[];

  @ApiPropertyOptional({
    description:
      'Only a car whose 行驶证 (as the council imported it) names a member of its household',
  })
  @IsOptional()
  @IsBoolean()
  requiresLicenceOwner?: boolean;

  @ApiPropertyOptional({
    enum: PLATE_COLORS,
    isArray: true,
    example: ['green'],
    description: 'Only cars with these plate colours (green: new energy); empty or absent: any',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(PLATE_COLORS, { each: true })
  eligiblePlateColors?: PlateColor[];

  @ApiPropertyOptional({ description: "Minutes after must-leave-by; default: the convention's" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  graceMinutes?: number;

  @ApiPropertyOptional({ example: 150 })
  @IsOptional()
  @IsYuan()
  @Min(0)
  @Max(100000)
  monthlyFeeCny?: number;

  @ApiPropertyOptional({ example: 7 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  bookingDaysAhead?: number;

  @ApiPropertyOptional({ description: 'The liability waiver (免责) residents accept when booking' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  termsText?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) title?: string;
}

export class PublishOfferDto extends OfferTermsFields {
  @ApiProperty() @IsUUID() carParkId!: string;

  @ApiPropertyOptional({ description: 'A count of places; omit when naming spaces' })
  @ValidateIf((dto: PublishOfferDto) => dto.spaceCodes === undefined)
  @IsInt()
  @Min(1)
  @Max(5000)
  places?: number;

  @ApiPropertyOptional({
    description: 'Named spaces of the car park; the system picks one per booking',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 16, { each: true })
  spaceCodes?: string[];

  @ApiPropertyOptional({ description: 'Places held by standing allocations (monthly passes)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  standingPlaces?: number;

  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE, { context: { format: 'YYYY-MM-DD' } })
  validFrom!: string;

  @ApiProperty({ type: [WeeklyRuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRuleDto)
  declare rules: WeeklyRuleDto[];
}

/** A change to a live offer; bookings that no longer fit are cancelled with notice. */
export class ChangeOfferDto extends OfferTermsFields {
  @ApiPropertyOptional({ description: 'Count offers only' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  places?: number;
}

export class NightView implements Night {
  @ApiProperty({ example: '2026-03-02' }) night!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty({ description: 'Must leave by' }) endsAt!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty() booked!: number;
  @ApiProperty() free!: number;
}

/** One condition of an offer, met or missed; a missed one carries its refusal and its message. */
export class ConditionView implements ConditionResponse {
  @ApiProperty({ enum: ELIGIBILITY_CONDITIONS }) condition!: EligibilityCondition;
  @ApiProperty() met!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The refusal, when missed' })
  reason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'In the language asked for' })
  message!: string | null;
}

export class VehicleEligibilityView implements VehicleEligibilityResponse {
  @ApiProperty() vehicleId!: string;
  @ApiProperty({ description: "The household's own plate, in full" }) plate!: string;
  @ApiProperty({ enum: PLATE_COLORS }) plateColor!: PlateColor;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [ConditionView], description: "The car's own conditions" })
  conditions!: ConditionView[];
}

export class EligibilityView implements EligibilityResponse {
  @ApiProperty({ description: 'Some car of the household meets every condition' })
  eligible!: boolean;
  @ApiProperty({
    type: [String],
    description:
      'Missed, in short (not_a_resident, no_household, association, lane, no_vehicle, licence_owner_unchecked, licence_owner_not_household, plate_color): the household, then its nearest car',
  })
  reasons!: string[];
  @ApiProperty({ type: [String] }) explanation!: string[];
  @ApiProperty({ type: [ConditionView], description: "The household's conditions" })
  conditions!: ConditionView[];
  @ApiProperty({ type: [VehicleEligibilityView] }) vehicles!: VehicleEligibilityView[];
}

export class OfferView implements OfferResponse {
  @ApiProperty() id!: string;
  @ApiProperty() carParkId!: string;
  @ApiProperty() carParkName!: string;
  @ApiProperty() carParkAddress!: string;
  @ApiProperty() entranceNotes!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['live', 'paused', 'ended'] }) status!: OfferStatus;
  @ApiProperty() places!: number;
  @ApiProperty() standingPlaces!: number;
  @ApiProperty() standingAdmitted!: number;
  @ApiProperty() waiting!: number;
  @ApiProperty() namedSpaces!: boolean;
  @ApiProperty({ type: [WeeklyRuleDto] }) rules!: WeeklyRuleDto[];
  @ApiProperty() validFrom!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ type: [String] }) blackoutDates!: string[];
  @ApiProperty({ type: [String] }) eligibleAssociationIds!: string[];
  @ApiProperty({ type: [String], description: 'Lanes a household must be registered in' })
  eligibleLaneIds!: string[];
  @ApiProperty({ description: 'A car registered (行驶证) to a member of the household' })
  requiresLicenceOwner!: boolean;
  @ApiProperty({ enum: PLATE_COLORS, isArray: true }) eligiblePlateColors!: PlateColor[];
  @ApiProperty() graceMinutes!: number;
  @ApiProperty({
    enum: ['convention', 'offer'],
    description: "Whose grace applies: the convention's, or the unit's own terms",
  })
  graceRule!: 'convention' | 'offer';
  @ApiProperty({ description: "The convention's grace, so a shorter one of the unit is told" })
  conventionGraceMinutes!: number;
  @ApiProperty() monthlyFeeCny!: number;
  @ApiProperty() bookingDaysAhead!: number;
  @ApiProperty() termsText!: string;
  @ApiProperty({ description: 'sha256 of the terms; sent back when accepting them' })
  termsHash!: string;
  @ApiProperty({ type: [NightView], description: 'Free places per night ahead' })
  nights!: NightView[];
  @ApiPropertyOptional({ type: EligibilityView, description: 'For a resident' })
  eligibility?: EligibilityView;
}

export class OfferChangeView {
  @ApiProperty({ type: OfferView }) offer!: OfferView;
  @ApiProperty({ description: 'Bookings cancelled with notice because they no longer fit' })
  cancelledBookings!: number;
}
