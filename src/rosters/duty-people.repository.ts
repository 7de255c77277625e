import { Injectable } from '@nestjs/common';
import type { Role } from '../auth/role';
import { type Tx, Transactions } from '../database/transactions';

/** A member as the roster sees them: who may stand which line of duty. */
export interface DutyPerson {
  id: string;
  name: string;
  role: Role;
  volunteer: boolean;
}

/**
 * Reads of the member table the roster needs (who can serve, their names). The member table is
 * the associations feature's: these move behind a MembersService method once it offers one.
 */
@Injectable()
export class DutyPeopleRepository {
  constructor(private readonly transactions: Transactions) {}

  async activeMember(
    associationId: string,
    memberId: string,
    tx: Tx = this.transactions.autocommit,
  ): Promise<DutyPerson | null> {
    const rows: DutyPerson[] = await tx.query(
      `SELECT id, name, role, volunteer FROM member
        WHERE id = $1 AND association_id = $2 AND active`,
      [memberId, associationId],
    );
    return rows[0] ?? null;
  }

  /** Active wardens and volunteers, oldest first: the order the generator deals them in. */
  candidates(tx: Tx, associationId: string): Promise<DutyPerson[]> {
    return tx.query(
      `SELECT id, name, role, volunteer FROM member
        WHERE association_id = $1 AND active AND (role = 'warden' OR volunteer)
        ORDER BY created_at, id`,
      [associationId],
    );
  }
}
