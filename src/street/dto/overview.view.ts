import { MonthlyPersuasionCount } from '../../violations/persuasions/persuasion.dto';
import { ApiProperty } from '@nestjs/swagger';
import type {
  AssociationFigures,
  HourlyOccupancy,
  MonthlyCount,
  StreetOverview,
} from '../../shared/api/street';

export class HourlyOccupancyView implements HourlyOccupancy {
  @ApiProperty({ description: 'The top of an hour; the last point is now' }) at!: Date;
  @ApiProperty({ description: 'Cars parked in the association’s spaces then' }) parked!: number;
}

export class MonthlyCountView implements MonthlyCount {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() count!: number;
}

/** One association in the street's overview: figures only, never a phone, a name or a plate. */
export class AssociationFiguresView implements AssociationFigures {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '4143车友会' }) name!: string;
  @ApiProperty({ example: '二龙路社区' }) community!: string;
  @ApiProperty() lanes!: number;
  @ApiProperty({ description: 'Spaces on its lanes (open, closed or reserved)' }) spaces!: number;
  @ApiProperty() occupiedNow!: number;
  @ApiProperty() freeNow!: number;
  @ApiProperty({ description: 'Stretches of the next 7 days with fewer on duty than required' })
  coverageGapsNext7Days!: number;
  @ApiProperty({ description: 'Hours of those stretches, rounded up' })
  uncoveredHoursNext7Days!: number;
  @ApiProperty({ description: 'This Asia/Shanghai month, overturned ones not counted' })
  violationsThisMonth!: number;
  @ApiProperty({ description: 'Off-peak bookings of its households for tonight' })
  bookingsTonight!: number;
  @ApiProperty({
    type: [HourlyOccupancyView],
    description: 'The tops of the last 23 hours and now, oldest first',
  })
  occupancyByHour!: HourlyOccupancyView[];
  @ApiProperty({ type: [MonthlyCountView], description: 'The last 12 months, oldest first' })
  violationsByMonth!: MonthlyCountView[];
  @ApiProperty({
    type: [MonthlyPersuasionCount],
    description: 'Persuasion and guidance (劝导、引导) of the last 12 months, by outcome',
  })
  persuasionsByMonth!: MonthlyPersuasionCount[];
  @ApiProperty({ description: 'Persuasions and guidance this Asia/Shanghai month' })
  persuasionsThisMonth!: number;
}

export class StreetOverviewView implements StreetOverview {
  @ApiProperty({
    example: '金融街街道',
    nullable: true,
    type: String,
    description: "The street office's street; null for a viewer",
  })
  streetOffice!: string | null;
  @ApiProperty() generatedAt!: Date;
  @ApiProperty({ type: [AssociationFiguresView] }) associations!: AssociationFiguresView[];
}
