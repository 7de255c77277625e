import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';
import type { VoteChoice } from './convention-version';

export interface Ballot {
  id: string;
  choice: VoteChoice;
  castAt: Date;
}

/**
 * The secret ballots (convention_vote): counts and receipt ids leave here, never a voter next to
 * a choice except to the voter themself. `voter` is the household (or the member, when the vote
 * is per member); the unique key (version, voter) is what makes "one household, one vote" hold.
 */
@Injectable()
export class ConventionVoteRepository {
  constructor(private readonly transactions: Transactions) {}

  async cast(
    ballot: {
      versionId: string;
      voter: string;
      householdId: string;
      castBy: string;
      choice: VoteChoice;
      castAt: Date;
    },
    tx: Tx,
  ): Promise<Ballot> {
    const rows = await tx.query<BallotRow[]>(
      `INSERT INTO convention_vote (version_id, voter, household_id, cast_by, choice, cast_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, choice, cast_at`,
      [
        ballot.versionId,
        ballot.voter,
        ballot.householdId,
        ballot.castBy,
        ballot.choice,
        ballot.castAt,
      ],
    );
    return toBallot(rows[0]!);
  }

  async ofVoter(versionId: string, voter: string, tx?: Tx): Promise<Ballot | null> {
    const rows = await this.db(tx).query<BallotRow[]>(
      `SELECT id, choice, cast_at FROM convention_vote WHERE version_id = $1 AND voter = $2`,
      [versionId, voter],
    );
    return rows[0] ? toBallot(rows[0]) : null;
  }

  /** Every ballot's choice, for the count; nothing that says whose. */
  async choicesOf(versionId: string, tx?: Tx): Promise<string[]> {
    const rows = await this.db(tx).query<{ choice: string }[]>(
      `SELECT choice FROM convention_vote WHERE version_id = $1`,
      [versionId],
    );
    return rows.map((r) => r.choice);
  }

  /** Ballot ids, from which the published receipt codes are made. */
  async idsOf(versionId: string, tx?: Tx): Promise<string[]> {
    const rows = await this.db(tx).query<{ id: string }[]>(
      `SELECT id FROM convention_vote WHERE version_id = $1`,
      [versionId],
    );
    return rows.map((r) => r.id);
  }

  /** The receipt key shared by every instance: `candidate` if none was stored yet. */
  async receiptKey(candidate: string): Promise<string> {
    const db = this.db();
    await db.query(
      `INSERT INTO service_secret (name, value) VALUES ('ballot-receipts', $1)
       ON CONFLICT (name) DO NOTHING`,
      [candidate],
    );
    const rows = await db.query<{ value: string }[]>(
      `SELECT value FROM service_secret WHERE name = 'ballot-receipts'`,
    );
    return rows[0]!.value;
  }

  private db(tx?: Tx): Tx {
    return tx ?? this.transactions.autocommit;
  }
}

interface BallotRow {
  id: string;
  choice: VoteChoice;
  cast_at: Date;
}

function toBallot(r: BallotRow): Ballot {
  return { id: r.id, choice: r.choice, castAt: r.cast_at };
}
