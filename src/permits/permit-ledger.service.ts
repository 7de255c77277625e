import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { associationToRead } from '../associations/scope';
import { MembersService } from '../associations/members.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Ledger } from '../common/ledger/ledger-workbook';
import { periodOf } from '../common/ledger/ledger-words';
import { AssociationsService } from '../associations/associations.service';
import type { Lang } from '../shared/i18n';
import { PERMIT_LEDGER_COLUMNS, permitLedgerRow } from './permit-ledger-columns';
import type { PermitEventResponse, RevocationEntry, RevocationList } from '../shared/api/permits';
import { type LedgerLine, PermitEventRepository } from './permit-event.repository';
import { mayReadPlate } from '../associations/views';
import { canExportLedger, canReadRevocations, listsOwnHouseholdOnly } from './permits.policy';

// Events commit a moment after their `at`; an overlap makes sure a phone never skips one.
const SINCE_OVERLAP_MS = 30_000;

/** 台账 of permit transitions, and the revocation list wardens' phones keep offline. */
@Injectable()
export class PermitLedgerService {
  constructor(
    private readonly events: PermitEventRepository,
    private readonly members: MembersService,
    private readonly associations: AssociationsService,
    private readonly clock: Clock,
  ) {}

  async eventsOf(permitId: string): Promise<PermitEventResponse[]> {
    const events = await this.events.eventsOf(permitId);
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

  /**
   * The ledger (CSV or workbook) of every transition of the permits the reader lists (a
   * resident's household's), oldest first, read in batches; plates masked as the list masks.
   */
  async ledger(actor: Actor, lang: Lang, associationId?: string): Promise<Ledger> {
    const id = associationToRead(actor, associationId);
    if (!canExportLedger(actor, id)) throw new DomainError('role.forbidden');
    const association = await this.associations.readable(actor, id);
    const batches = this.events.ledgerInOrder(
      id,
      listsOwnHouseholdOnly(actor) ? { householdId: actor.householdId } : undefined,
    );
    const namesOf = (lines: LedgerLine[]) => this.members.namesOf(actorsOf(lines));
    const plateOf = (line: LedgerLine) =>
      mayReadPlate(actor, { householdId: line.householdId ?? '', associationId: id });
    return {
      title: { 'zh-CN': '停车证台账', en: 'Permit ledger' },
      keeper: association.name,
      period: periodOf(undefined, this.clock.now(), lang),
      columns: PERMIT_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const lines of batches) {
          const names = await namesOf(lines);
          for (const line of lines) {
            yield permitLedgerRow(
              line,
              line.actorMemberId ? names.get(line.actorMemberId) : undefined,
              plateOf(line),
              lang,
            );
          }
        }
      })(),
    };
  }

  /** Permits suspended, reinstated or revoked since a point: the latest change of each. */
  async revocations(actor: Actor, since: Date | null, associationId?: string) {
    const id = associationToRead(actor, associationId);
    if (!canReadRevocations(actor, id)) throw new DomainError('permit.revocations_staff_only');
    const now = this.clock.now();
    const entries: RevocationEntry[] = (await this.events.revocationsSince(id, since, now))
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
