import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../auth/actor';
import { formatPlate } from '../shared/plate';
import { associationToRead } from '../associations/scope';
import { MembersService } from '../associations/members.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { maskPlate } from '../common/masking';
import { spreadsheetSafe } from '../common/spreadsheet-safe';
import type { PermitEventView, RevocationEntry, RevocationList } from './dto/permit.view';
import { PermitEventRepository } from './permit-event.repository';
import { canExportLedger, canReadRevocations, seesLedgerPlates } from './permits.policy';

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

/** 台账 of permit transitions, and the revocation list wardens' phones keep offline. */
@Injectable()
export class PermitLedgerService {
  constructor(
    private readonly ledger: PermitEventRepository,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  async eventsOf(permitId: string): Promise<PermitEventView[]> {
    const events = await this.ledger.eventsOf(permitId);
    const names = await this.members.namesOf(actorsOf(events));
    return events.map((e) => ({
      id: e.id,
      permitId: e.permitId,
      type: e.type,
      actorMemberId: e.actorMemberId,
      actorName: e.actorMemberId ? (names.get(e.actorMemberId) ?? null) : null,
      reason: e.reason,
      at: e.at,
    }));
  }

  async exportCsv(actor: Actor, associationId?: string): Promise<string> {
    const id = associationToRead(actor, associationId);
    if (!canExportLedger(actor, id)) throw new DomainError('role.forbidden');
    const lines = await this.ledger.ledgerOf(id);
    const names = await this.members.namesOf(actorsOf(lines));
    const plates = seesLedgerPlates(actor, id);
    // Plates, names and reasons are people's text: a leading = + - @ must not run as a formula.
    // The CSV speaks the ledger's column language (English codes); no actor is the system.
    const records = lines.map((line) => [
      line.at.toISOString(),
      line.permitNumber,
      spreadsheetSafe(plates ? formatPlate(line.plate) : maskPlate(line.plate)),
      line.kind,
      line.type,
      spreadsheetSafe(line.actorMemberId ? (names.get(line.actorMemberId) ?? '') : 'system'),
      spreadsheetSafe(line.reason),
    ]);
    // A BOM so spreadsheet programs read the Chinese as UTF-8.
    return '\ufeff' + stringify([[...PERMIT_LEDGER_COLUMNS], ...records]);
  }

  /** Permits suspended, reinstated or revoked since a point: the latest change of each. */
  async revocations(actor: Actor, since: Date | null, associationId?: string) {
    const id = associationToRead(actor, associationId);
    if (!canReadRevocations(actor, id)) throw new DomainError('permit.revocations_staff_only');
    const now = this.clock.now();
    const entries: RevocationEntry[] = (await this.ledger.revocationsSince(id, since, now))
      .map((r) => ({ number: r.number, state: r.type, until: r.until, at: r.at }))
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

function actorsOf(events: { actorMemberId: string | null }[]): string[] {
  return events.flatMap((e) => (e.actorMemberId ? [e.actorMemberId] : []));
}
