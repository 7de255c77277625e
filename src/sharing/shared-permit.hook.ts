import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PermitsService } from '../permits/permits.service';
import { SharedWindows } from '../permits/scans/shared-windows';
import { AvailabilityService } from './availability.service';

export interface AdmittedAllocation {
  allocationId: string;
  vehicleId: string;
  associationId: string;
  carParkId: string;
  validFrom: Date;
  validTo: Date;
  actorMemberId: string | null;
}

/**
 * Where standing allocations meet permits: an admitted allocation gets a `shared` permit, and a
 * warden's scan of one asks us whether the car park is open now. The permits feature is resolved
 * at run time (strict: false) so sharing works, without permits, in an app that does not load it.
 */
@Injectable()
export class SharedPermitHook implements OnModuleInit {
  private readonly logger = new Logger('SharedPermitHook');
  private permits: PermitsService | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly availability: AvailabilityService,
  ) {}

  onModuleInit(): void {
    this.permits = this.optional(PermitsService);
    this.optional(SharedWindows)?.provide(({ carParkId }, at) =>
      this.availability.openAt(carParkId, at),
    );
  }

  /** The permit's id, or null when the permits feature is not loaded or refused. */
  async issueFor(allocation: AdmittedAllocation): Promise<string | null> {
    if (!this.permits) return null;
    try {
      const permit = await this.permits.issueShared(allocation);
      return permit.id;
    } catch (error) {
      this.logger.warn(
        `no shared permit for allocation ${allocation.allocationId}: ${String(error)}`,
      );
      return null;
    }
  }

  private optional<T>(token: new (...args: never[]) => T): T | null {
    try {
      return this.moduleRef.get(token, { strict: false });
    } catch {
      return null;
    }
  }
}
