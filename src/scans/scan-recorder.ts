import { Injectable } from '@nestjs/common';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import type { VersionedPermit } from '../permits/permit';
import {
  keyOf,
  type NewScan,
  type Recorded,
  ScanRepository,
  type ScanToRecord,
} from './scan.repository';

/** At most this many recording statements at once; the pool's other connections stay free. */
const STATEMENTS_AT_ONCE = 2;
/** At most this many scans in one statement. */
const SCANS_PER_STATEMENT = 100;

interface Waiting {
  scan: ScanToRecord;
  resolve: (recorded: Recorded | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Records scans that arrive together in one INSERT. A scan that finds a statement slot free is
 * written on the next turn of the event loop with whatever arrived in the same turn; while the
 * slots are busy, scans wait and go together in the next statement. At a lane's pace every scan
 * is its own statement; at a district's, one statement and one commit record dozens, which is
 * most of what PostgreSQL spent per scan (issue 15.5, docs/benchmarks.md).
 *
 * Each scan's answer is what `ScanRepository.insertOnce` would give it alone: when the database
 * refuses a statement of several (a key its warden sent before), each is written on its own.
 */
@Injectable()
export class ScanRecorder {
  private waiting: Waiting[] = [];
  private writing = 0;
  private scheduled = false;

  constructor(private readonly scans: ScanRepository) {}

  record(scan: NewScan, judgedOn: VersionedPermit | null): Promise<Recorded | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ scan: { scan, judgedOn }, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing >= STATEMENTS_AT_ONCE || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.writing < STATEMENTS_AT_ONCE && this.waiting.length > 0) {
        const together = this.waiting.splice(0, SCANS_PER_STATEMENT);
        this.writing += 1;
        void this.write(together).finally(() => {
          this.writing -= 1;
          this.schedule();
        });
      }
    });
  }

  private async write(together: Waiting[]): Promise<void> {
    // A key sent twice at once (an offline queue sent again) is written once; the second sender
    // gets what a second statement would have: nothing (then the first's record), or the same
    // 'permit_changed'.
    const first = new Map<string, Waiting>();
    const again: [Waiting, Waiting][] = [];
    for (const w of together) {
      const key = keyOf(w.scan.scan.scannedBy, w.scan.scan.idempotencyKey);
      const earlier = first.get(key);
      if (earlier) again.push([w, earlier]);
      else first.set(key, w);
    }
    const written = [...first.values()];
    if (written.length > 1) {
      try {
        const recorded = await this.scans.insertAll(written.map((w) => w.scan));
        const answers = new Map(written.map((w, i) => [w, recorded[i]!]));
        for (const w of written) w.resolve(answers.get(w)!);
        for (const [w, earlier] of again) {
          w.resolve(answers.get(earlier) === 'permit_changed' ? 'permit_changed' : null);
        }
        return;
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          for (const w of together) w.reject(error);
          return;
        }
      }
    }
    // One on its own, or each on its own after the database refused them together (a key its
    // warden sent in an earlier statement): as `insertOnce` answers them.
    await Promise.all(
      together.map((w) =>
        this.scans.insertOnce(w.scan.scan, w.scan.judgedOn).then(w.resolve, w.reject),
      ),
    );
  }
}
