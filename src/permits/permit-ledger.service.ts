import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { formatPlate } from '../associations/plate';
import { associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { maskPlate } from '../common/masking';
import type { PermitEventView, RevocationEntry, RevocationList } from './dto/permit.view';

// Events commit a moment after their `at`; an overlap makes sure a phone never skips one.
const SINCE_OVERLAP_MS = 30_000;

export const PERMIT_LEDGER_COLUMNS = [
  'at',
  'permitNumber',
  'plate',
  'kind',
  'event',
  'actor',
  'reason',
] as const;

interface EventRow {
  id: string;
  permit_id: string;
  type: string;
  actor_member_id: string | null;
  actor_name: string | null;
  reason: string;
  at: Date;
}

/** 台账 of permit transitions, and the revocation list wardens' phones keep offline. */
@Injectable()
export class PermitLedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async eventsOf(permitId: string): Promise<PermitEventView[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.id, e.permit_id, e.type, e.actor_member_id, m.name AS actor_name, e.reason, e.at
         FROM permit_event e LEFT JOIN member m ON m.id = e.actor_member_id
        WHERE e.permit_id = $1 ORDER BY e.id`,
      [permitId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      permitId: r.permit_id,
      type: r.type,
      actorMemberId: r.actor_member_id,
      actorName: r.actor_name,
      reason: r.reason,
      at: r.at,
    }));
  }

  async exportCsv(actor: Actor, associationId?: string): Promise<string> {
    const id = associationToRead(actor, associationId);
    if (actor.role !== 'admin' && actor.role !== 'viewer') throw DomainError.forbidden();
    const rows: (EventRow & { number: string; plate: string; kind: string })[] =
      await this.dataSource.query(
        `SELECT e.at, p.number, p.plate, p.kind, e.type, m.name AS actor_name, e.reason
           FROM permit_event e
           JOIN permit p ON p.id = e.permit_id
           LEFT JOIN member m ON m.id = e.actor_member_id
          WHERE e.association_id = $1 ORDER BY e.id`,
        [id],
      );
    const council = actor.role === 'admin' && actor.associationId === id;
    const records = rows.map((r) => [
      r.at.toISOString(),
      r.number,
      council ? formatPlate(r.plate) : maskPlate(r.plate),
      r.kind,
      r.type,
      r.actor_name ?? '系统 / system',
      r.reason,
    ]);
    // A BOM so spreadsheet programs read the Chinese as UTF-8.
    return '\ufeff' + stringify([[...PERMIT_LEDGER_COLUMNS], ...records]);
  }

  /** Permits suspended, reinstated or revoked since a point: the latest change of each. */
  async revocations(actor: Actor, since: Date | null, associationId?: string) {
    const id = associationToRead(actor, associationId);
    if (actor.role === 'unit' || actor.role === 'resident') throw DomainError.forbidden();
    const now = this.clock.now();
    const rows: { number: string; type: string; until: string | null; at: Date }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (e.permit_id) p.number, e.type, e.details->>'until' AS until, e.at
           FROM permit_event e JOIN permit p ON p.id = e.permit_id
          WHERE e.association_id = $1 AND e.type IN ('suspended', 'reinstated', 'revoked')
            AND ($2::timestamptz IS NULL OR e.at > $2) AND p.valid_to > $3
          ORDER BY e.permit_id, e.id DESC`,
        [id, since, now],
      );
    const entries: RevocationEntry[] = rows
      .map((r) => ({
        number: Number(r.number),
        state: r.type,
        until: r.until ? new Date(r.until) : null,
        at: r.at,
      }))
      // A first download needs neither ended suspensions nor reinstatements.
      .filter((e) => since || (e.state !== 'reinstated' && !(e.until && e.until <= now)))
      .sort((a, b) => a.number - b.number);
    const list: RevocationList = {
      asOf: new Date(now.getTime() - SINCE_OVERLAP_MS),
      since,
      entries,
    };
    const etag = `"${createHash('sha1')
      .update(JSON.stringify([id, entries]))
      .digest('base64url')}"`;
    return { list, etag };
  }
}
