import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  AllocationAdmitted,
  AllocationCancelled,
  BookingCancelled,
  BookingReminderDue,
  CarParkAvailabilityChanged,
  OverstayFlagged,
} from '../../sharing/sharing.events';
import { LiveEmitter } from '../live-emitter';
import { rooms } from '../live-events';

/**
 * Off-peak sharing's committed events, pushed to the sockets that should see them. Availability
 * carries counts only, so its followers share one room; notices go to the one member; an
 * overstay names the plate, so it goes only to the car park's unit and the association's staff.
 */
@Injectable()
export class SharingLiveListener {
  constructor(private readonly live: LiveEmitter) {}

  @OnEvent(CarParkAvailabilityChanged.type)
  availability(event: CarParkAvailabilityChanged): void {
    const { availability } = event;
    this.live.emit(
      [rooms.carPark(availability.carParkId), rooms.residentUnit(event.residentUnitId)],
      'carpark.updated',
      availability,
    );
  }

  @OnEvent(BookingCancelled.type)
  bookingCancelled(event: BookingCancelled): void {
    this.live.emit(rooms.member(event.memberId), 'booking.cancelled', event.notice);
  }

  @OnEvent(BookingReminderDue.type)
  reminder(event: BookingReminderDue): void {
    this.live.emit(rooms.member(event.memberId), 'booking.reminder', event.reminder);
  }

  @OnEvent(AllocationAdmitted.type)
  allocationAdmitted(event: AllocationAdmitted): void {
    this.live.emit(rooms.member(event.memberId), 'allocation.admitted', event.notice);
  }

  @OnEvent(AllocationCancelled.type)
  allocationCancelled(event: AllocationCancelled): void {
    this.live.emit(rooms.member(event.memberId), 'allocation.cancelled', event.notice);
  }

  @OnEvent(OverstayFlagged.type)
  overstay(event: OverstayFlagged): void {
    this.live.emit(
      [rooms.residentUnit(event.residentUnitId), rooms.staff(event.associationId)],
      'carpark.overstay',
      {
        bookingId: event.bookingId,
        carParkId: event.carParkId,
        carParkName: event.carParkName,
        plate: event.plate,
        spaceCode: event.spaceCode,
        mustLeaveBy: event.mustLeaveBy.toISOString(),
        overstayedFrom: event.overstayedFrom.toISOString(),
        graceMinutes: event.graceMinutes,
        grace: event.grace,
      },
    );
  }
}
