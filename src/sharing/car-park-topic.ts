import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { rooms } from '../live/live-events';
import type { LiveTopic } from '../live/live-topics';
import { AvailabilityService } from './availability.service';
import { CarParksService } from './car-parks.service';

/**
 * `subscribe { carParkId }`: a unit's car park in the live feed, availability per window. The
 * payload carries counts only, so everyone who may read the car park shares one room.
 */
@Injectable()
export class CarParkTopic implements LiveTopic {
  readonly key = 'carParkId';

  constructor(
    private readonly carParks: CarParksService,
    private readonly availability: AvailabilityService,
  ) {}

  async authorize(actor: Actor, carParkId: string): Promise<void> {
    await this.carParks.readable(actor, carParkId);
  }

  rooms(_actor: Actor, carParkId: string): string[] {
    return [rooms.carPark(carParkId)];
  }

  async snapshot(_actor: Actor, carParkId: string): Promise<{ event: string; payload: unknown }> {
    return { event: 'carpark.updated', payload: await this.availability.carPark(carParkId) };
  }

  all(actor: Actor): Promise<string[]> {
    return this.carParks.idsFor(actor);
  }
}
