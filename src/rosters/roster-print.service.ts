import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AssociationsService } from '../associations/associations.service';
import { associationToRead } from '../associations/scope';
import { Clock } from '../common/clock';
import { shanghaiMonth } from '../common/shanghai-time';
import type { RosterMonthQuery } from './dto/roster.dto';
import { rosterPdf } from './roster-pdf';
import { RostersService } from './rosters.service';

/**
 * The month's roster on paper. It prints what the roster screen lists for the same reader (the
 * same call, so the same association check), limited to the shifts that start in the month.
 */
@Injectable()
export class RosterPrintService {
  constructor(
    private readonly rosters: RostersService,
    private readonly associations: AssociationsService,
    private readonly clock: Clock,
  ) {}

  async monthPdf(actor: Actor, query: RosterMonthQuery): Promise<Buffer> {
    const associationId = associationToRead(actor, query.associationId);
    const association = await this.associations.get(actor, associationId);
    // Noon on the 15th is inside the month whatever the zone; shanghaiMonth gives its bounds.
    const { from, to } = shanghaiMonth(new Date(`${query.month}-15T12:00:00+08:00`));
    const shifts = await this.rosters.listShifts(actor, {
      associationId,
      from: from.toISOString(),
      to: to.toISOString(),
    });
    return rosterPdf({
      associationName: association.name,
      community: association.community,
      streetOffice: association.streetOffice,
      month: query.month,
      shifts: shifts.filter((s) => Date.parse(s.from) >= from.getTime()),
      generatedAt: this.clock.now(),
    });
  }
}
