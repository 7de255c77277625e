import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { shanghaiDateTime } from '../common/shanghai-time';
import type { Ledger, LedgerCell } from '../common/ledger/ledger-workbook';
import { periodOf, plateColorWord } from '../common/ledger/ledger-words';
import type { Lang } from '../shared/i18n';
import { AllocationDrawRepository } from './allocation-draw.repository';
import {
  ALLOCATION_LEDGER_COLUMNS,
  ALLOCATION_STATUS_WORDS,
  type AllocationColumnKey,
  DRAW_KIND_WORDS,
  drawOf,
} from './allocation-ledger-columns';
import { AllocationsService } from './allocations.service';
import type { AllocationView } from './dto/allocation.dto';
import { OffersService } from './offers.service';

/**
 * An offer's standing allocations with the draws that admitted them, as CSV or workbook: the
 * rows (and plates, as masked) the unit's or the council's list shows, in its order.
 */
@Injectable()
export class AllocationLedgerService {
  constructor(
    private readonly allocations: AllocationsService,
    private readonly offers: OffersService,
    private readonly draws: AllocationDrawRepository,
    private readonly clock: Clock,
  ) {}

  async ledger(actor: Actor, offerId: string, lang: Lang): Promise<Ledger> {
    // Checked as the list: the lending unit and the council of the offer.
    const batches = await this.allocations.inLedgerOrder(actor, offerId);
    const [offer, draws] = await Promise.all([
      this.offers.readable(actor, offerId),
      this.draws.ofOffer(offerId),
    ]);
    const rowOf = (a: AllocationView): LedgerCell[] => {
      const drawn = drawOf(draws, a.id);
      const cells: Record<AllocationColumnKey, LedgerCell> = {
        registeredAt: new Date(a.registeredAt),
        plate: a.plate,
        plateColor: plateColorWord(a.plateColor, lang),
        status: ALLOCATION_STATUS_WORDS[a.status]?.[lang] ?? a.status,
        position: a.position,
        priorityTier: a.priorityTier,
        spaceCode: a.spaceCode,
        admittedAt: a.admittedAt ? new Date(a.admittedAt) : null,
        draw: drawn
          ? `${DRAW_KIND_WORDS[drawn.draw.kind]?.[lang] ?? drawn.draw.kind} ${shanghaiDateTime(drawn.draw.drawnAt!)}`
          : '',
        drawnPlace: drawn?.place,
        periodsHeld: a.periodsHeld,
        feeDueCny: a.feeDueCny,
        paidCny: a.paidCny,
      };
      return ALLOCATION_LEDGER_COLUMNS.map((c) => cells[c.key]);
    };
    return {
      title: { 'zh-CN': '长期车位台账', en: 'Standing allocations' },
      keeper: offer.title,
      period: periodOf(undefined, this.clock.now(), lang),
      columns: ALLOCATION_LEDGER_COLUMNS,
      rows: (async function* () {
        for await (const batch of batches) for (const a of batch) yield rowOf(a);
      })(),
    };
  }
}
