import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { PermitsService } from '../../permits/permits.service';
import { RostersService } from '../../rosters/rosters.service';

// Where the penalty ladder reaches into the permit lifecycle and the duty roster. Both features
// import ConventionsModule (for the rules in force), so this side finds their services at run
// time instead of importing their modules, which would make a cycle.

@Injectable()
export class PermitSuspensionHook {
  private readonly logger = new Logger(PermitSuspensionHook.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Suspends the vehicle's active resident permit until `until` through the permit lifecycle
   * (its QR then scans `suspended`, and the suspension ends by itself). Returns the permit's
   * id, or null when the vehicle holds no active permit or permits are not wired in.
   */
  async suspendVehiclePermit(
    vehicleId: string,
    until: Date,
    reason: string,
  ): Promise<string | null> {
    const permits = this.permits();
    if (!permits) return null;
    // Read-only lookup of the permit to suspend; PermitsService has no finder for it yet.
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM permit WHERE vehicle_id = $1 AND kind = 'resident' AND status = 'active'
        ORDER BY valid_to DESC LIMIT 1`,
      [vehicleId],
    );
    const permitId = rows[0]?.id;
    if (!permitId) return null;
    await permits.suspend(permitId, until, reason, 'system');
    return permitId;
  }

  /** An appeal upheld in the household's favour lifts the suspension it caused. */
  async reinstate(actor: Actor, permitId: string, reason: string): Promise<void> {
    const permits = this.permits();
    if (!permits) return;
    try {
      await permits.reinstate(actor, permitId, reason);
    } catch (error) {
      // Already ended or revoked since: nothing left to lift.
      this.logger.warn(`reinstating permit ${permitId}: ${String(error)}`);
    }
  }

  private permits(): PermitsService | null {
    try {
      return this.moduleRef.get(PermitsService, { strict: false });
    } catch {
      return null;
    }
  }
}

@Injectable()
export class DutyCheckHook {
  constructor(private readonly moduleRef: ModuleRef) {}

  /** Whether the warden is signed in on a shift; true when rosters are not wired in. */
  async onDuty(memberId: string, at: Date): Promise<boolean> {
    let rosters: RostersService;
    try {
      rosters = this.moduleRef.get(RostersService, { strict: false });
    } catch {
      return true;
    }
    return rosters.isOnDuty(memberId, at);
  }

  /** Who is on duty now, for the public board; null when rosters are not wired in. */
  async onDutyAt(
    associationId: string,
    at: Date,
  ): Promise<{ name: string; shiftName: string; since: string; until: string }[] | null> {
    let rosters: RostersService;
    try {
      rosters = this.moduleRef.get(RostersService, { strict: false });
    } catch {
      return null;
    }
    const onDuty = await rosters.onDutyAt(associationId, at);
    return onDuty.map((d) => ({
      name: d.name,
      shiftName: d.shiftName,
      since: d.since,
      until: d.until,
    }));
  }
}
