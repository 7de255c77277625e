import { Injectable } from '@nestjs/common';
import type { VersionedPermit } from './permit';
import { PermitRepository } from './permit.repository';

/**
 * How many permits one instance remembers for scans: the most recently scanned, a few MB. A
 * permit not remembered costs one more round trip, nothing else.
 */
const REMEMBERED = 10_000;

/**
 * The permits wardens scan, remembered by number with their row version, so that a scan costs
 * one round trip (issue 15.5): the scan's INSERT carries `permitUnchangedSql`, and a permit
 * changed since it was remembered makes the INSERT record nothing; the scan is then judged again
 * on a fresh read (`forget` + `byNumber`). A stale entry can cost a retry, never a wrong verdict.
 */
@Injectable()
export class ScannedPermits {
  private readonly remembered = new Map<number, VersionedPermit>();

  constructor(private readonly permits: PermitRepository) {}

  async byNumber(number: number): Promise<VersionedPermit | null> {
    const known = this.remembered.get(number);
    if (known) {
      // Map order is insertion order: moving a hit to the end keeps the busiest permits.
      this.remembered.delete(number);
      this.remembered.set(number, known);
      return known;
    }
    const read = await this.permits.findByNumberVersioned(number);
    // An unknown number is not remembered: a permit issued a moment later must be found.
    if (read) this.remember(number, read);
    return read;
  }

  forget(number: number): void {
    this.remembered.delete(number);
  }

  private remember(number: number, read: VersionedPermit): void {
    this.remembered.set(number, read);
    if (this.remembered.size > REMEMBERED) {
      this.remembered.delete(this.remembered.keys().next().value!);
    }
  }
}

/**
 * "The permit `$id` is still at row version `$version`" as an SQL condition, for a statement
 * that must judge and record in one round trip (a scan's INSERT). The permits feature owns it
 * so that its table's row version is read in one place.
 */
export function permitUnchangedSql(id: string, version: string): string {
  return `EXISTS (SELECT 1 FROM permit WHERE id = ${id}::uuid AND xmin = ${version}::xid)`;
}
