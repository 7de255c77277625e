import { Injectable } from '@nestjs/common';
import { AssociationsService } from '../associations/associations.service';
import { LaneMapService } from './lane-map.service';
import { OccupancyRepository } from './occupancy.repository';
import { availabilityNow, sumCounts } from './space-state';

const HOUR_MS = 3_600_000;

/** An association's spaces in figures, for the street office: no plate, no household. */
export interface SpaceFigures {
  spaces: number;
  occupiedNow: number;
  freeNow: number;
  /** Cars parked at the top of each of the last 23 hours and now, oldest first. */
  occupancyByHour: { at: Date; parked: number }[];
}

@Injectable()
export class SpaceStatisticsService {
  constructor(
    private readonly associations: AssociationsService,
    private readonly map: LaneMapService,
    private readonly occupancy: OccupancyRepository,
  ) {}

  async ofAssociation(associationId: string): Promise<SpaceFigures> {
    const context = await this.map.context(associationId);
    const laneIds = await this.associations.laneIdsOf(associationId);
    const counts = sumCounts(
      await Promise.all(
        laneIds.map(
          async (id) => availabilityNow((await this.map.read(id)).spaces, context).counts,
        ),
      ),
    );
    const thisHour = Math.floor(context.now.getTime() / HOUR_MS) * HOUR_MS;
    // The tops of the last 23 hours, and now: the last point is the count the map shows.
    const hours = Array.from({ length: 23 }, (_, i) => new Date(thisHour - (22 - i) * HOUR_MS));
    hours.push(context.now);
    const parked = await this.occupancy.parkedAt(associationId, hours);
    return {
      spaces: counts.total,
      occupiedNow: counts.occupied,
      freeNow: counts.free,
      occupancyByHour: hours.map((at, i) => ({ at, parked: parked[i] ?? 0 })),
    };
  }
}
