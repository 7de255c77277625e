import { Injectable } from '@nestjs/common';

export interface SharedPermitRef {
  permitId: string;
  associationId: string;
  carParkId: string;
  vehicleId: string | null;
}

/** true inside the car park's offer windows, false outside, null when it cannot tell. */
export type SharedWindowCheck = (permit: SharedPermitRef, at: Date) => Promise<boolean | null>;

/**
 * Where the off-peak feature plugs in its offer windows: in its module's onModuleInit it calls
 * `sharedWindows.provide(check)`. Until then shared permits are judged on their dates alone.
 */
@Injectable()
export class SharedWindows {
  private check: SharedWindowCheck | null = null;

  provide(check: SharedWindowCheck): void {
    this.check = check;
  }

  within(permit: SharedPermitRef, at: Date): Promise<boolean | null> {
    return this.check ? this.check(permit, at) : Promise.resolve(null);
  }
}
