import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { shanghaiClock } from '../common/shanghai-time';
import { sharingConfig, type SharingConfig } from '../config';
import { ConventionRulesService } from '../conventions/convention-rules.service';
import { rooms } from '../live/live-events';
import { AvailabilityService } from './availability.service';
import { returnedRows } from './returned-rows';
import { OVERSTAY_FLAGGED, type OverstayFlagged } from './sharing-events';

export interface ReminderRun {
  reminded: number;
  overstays: number;
}

/**
 * Before must-leave-by, residents still parked get a reminder on their live connection; after
 * the grace period (the offer's, else the convention's sharedGraceMinutes) the overstay is kept
 * in sharing_overstay, flagged to the unit and the association's wardens, and announced as
 * OVERSTAY_FLAGGED (a violation record follows). Each step marks its row in the same statement
 * that selects it, so two instances never send the same notice or raise the same event twice.
 */
@Injectable()
export class RemindersService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SharingReminders');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(sharingConfig.KEY) private readonly config: SharingConfig,
    private readonly availability: AvailabilityService,
    private readonly conventions: ConventionRulesService,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  onModuleInit(): void {
    if (this.config.reminderIntervalSeconds === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runDueReminders(this.clock.now())
        .catch((error: unknown) => this.logger.error(error))
        .finally(() => (this.running = null));
    }, this.config.reminderIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async runDueReminders(now: Date): Promise<ReminderRun> {
    const lead = this.config.reminderLeadMinutes;
    const reminded = returnedRows<{ id: string; member_id: string; ends_at: Date; title: string }>(
      await this.dataSource.query(
        `UPDATE booking b SET reminded_at = $1
           FROM off_peak_offer o
          WHERE o.id = b.offer_id AND b.status = 'booked' AND b.arrived_at IS NOT NULL
            AND b.left_at IS NULL AND b.reminded_at IS NULL
            AND upper(b.period) > $1 AND upper(b.period) <= $1 + make_interval(mins => $2)
        RETURNING b.id, b.member_id, upper(b.period) AS ends_at, o.title`,
        [now, lead],
      ),
    );
    for (const r of reminded) {
      this.availability.notify(r.member_id, 'booking.reminder', {
        bookingId: r.id,
        offerTitle: r.title,
        mustLeaveBy: new Date(r.ends_at).toISOString(),
        message: `请于${shanghaiClock(new Date(r.ends_at))}前驶离 / please leave "${r.title}" by ${shanghaiClock(new Date(r.ends_at))}`,
      });
    }
    return { reminded: reminded.length, overstays: await this.flagOverstays(now) };
  }

  private async flagOverstays(now: Date): Promise<number> {
    const offers: { association_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT o.association_id FROM booking b JOIN off_peak_offer o ON o.id = b.offer_id
        WHERE b.status = 'booked' AND b.arrived_at IS NOT NULL AND b.left_at IS NULL
          AND upper(b.period) <= $1`,
      [now],
    );
    let flagged = 0;
    for (const { association_id } of offers) {
      const rules = await this.conventions.rulesInForce(association_id, now);
      const rows: {
        booking_id: string;
        car_park_id: string;
        association_id: string;
        must_leave_by: Date;
        grace_minutes: number;
        resident_unit_id: string;
        plate: string;
        space_code: string | null;
        car_park_name: string;
      }[] = await this.dataSource.query(
        `WITH due AS (
           SELECT b.id, b.car_park_id, b.association_id, upper(b.period) AS must_leave_by,
                  COALESCE(o.grace_minutes, $3) AS grace
             FROM booking b JOIN off_peak_offer o ON o.id = b.offer_id
            WHERE o.association_id = $2 AND b.status = 'booked' AND b.arrived_at IS NOT NULL
              AND b.left_at IS NULL
              AND upper(b.period) + make_interval(mins => COALESCE(o.grace_minutes, $3)) <= $1)
         INSERT INTO sharing_overstay (booking_id, car_park_id, association_id, must_leave_by, grace_minutes, flagged_at)
         SELECT id, car_park_id, association_id, must_leave_by, grace, $1 FROM due
         ON CONFLICT ON CONSTRAINT sharing_overstay_booking_key DO NOTHING
         RETURNING booking_id, car_park_id, association_id, must_leave_by, grace_minutes,
           (SELECT resident_unit_id FROM car_park WHERE id = car_park_id),
           (SELECT name FROM car_park WHERE id = car_park_id) AS car_park_name,
           (SELECT v.plate FROM booking b JOIN vehicle v ON v.id = b.vehicle_id WHERE b.id = booking_id),
           (SELECT s.code FROM booking b JOIN car_park_space s ON s.id = b.space_id WHERE b.id = booking_id) AS space_code`,
        [now, association_id, rules.parameters.sharedGraceMinutes],
      );
      for (const r of rows) {
        // Plates go only to those who may read them: the unit's staff and the wardens.
        const payload = {
          bookingId: r.booking_id,
          carParkId: r.car_park_id,
          carParkName: r.car_park_name,
          plate: r.plate,
          spaceCode: r.space_code,
          mustLeaveBy: new Date(r.must_leave_by).toISOString(),
          message: `超时未离场 / still parked after ${shanghaiClock(new Date(r.must_leave_by))} plus grace`,
        };
        this.availability.emit({
          room: rooms.residentUnit(r.resident_unit_id),
          event: 'carpark.overstay',
          payload,
        });
        this.availability.emit({
          room: rooms.staff(r.association_id),
          event: 'carpark.overstay',
          payload,
        });
      }
      // The INSERT has committed; awaited so one run leaves its consequences recorded.
      for (const r of rows) {
        const mustLeaveBy = new Date(r.must_leave_by);
        const event: OverstayFlagged = {
          bookingId: r.booking_id,
          associationId: r.association_id,
          carParkId: r.car_park_id,
          carParkName: r.car_park_name,
          spaceCode: r.space_code,
          plate: r.plate,
          mustLeaveBy,
          overstayedFrom: new Date(mustLeaveBy.getTime() + r.grace_minutes * 60_000),
          flaggedAt: now,
        };
        await this.events.emitAsync(OVERSTAY_FLAGGED, event);
      }
      flagged += rows.length;
    }
    return flagged;
  }
}
