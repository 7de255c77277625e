import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../database/transactions';

/** A refresh token as stored: its hash, its family, and the member's token version it holds. */
export interface RefreshSession {
  id: string;
  memberId: string;
  familyId: string;
  tokenVersion: number;
  expiresAt: Date;
  revokedAt: Date | null;
}

interface Row {
  id: string;
  member_id: string;
  family_id: string;
  token_version: number;
  expires_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id, member_id, family_id, token_version, expires_at, revoked_at';

/**
 * The only SQL of `refresh_session`. Each login opens a family; each refresh spends the family's
 * token and adds the next one. A spent token presented again means it was copied: the family ends.
 */
@Injectable()
export class RefreshSessionRepository {
  constructor(private readonly transactions: Transactions) {}

  async open(
    tx: Tx,
    session: {
      memberId: string;
      familyId: string | null;
      tokenHash: string;
      tokenVersion: number;
      expiresAt: Date;
    },
  ): Promise<RefreshSession> {
    const rows: Row[] = await tx.query(
      `INSERT INTO refresh_session (member_id, family_id, token_hash, token_version, expires_at)
       VALUES ($1, COALESCE($2::uuid, gen_random_uuid()), $3, $4, $5) RETURNING ${COLUMNS}`,
      [
        session.memberId,
        session.familyId,
        session.tokenHash,
        session.tokenVersion,
        session.expiresAt,
      ],
    );
    return toSession(rows[0]!);
  }

  /** The session of a token hash, locked until `tx` ends (two refreshes of one token queue). */
  async lockByHash(tx: Tx, tokenHash: string): Promise<RefreshSession | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM refresh_session WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  async spend(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE refresh_session SET revoked_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Ends every live session of the family; how many were live. */
  async revokeFamily(tx: Tx, familyId: string, at: Date): Promise<number> {
    const rows: unknown[] = await tx.query(
      `WITH ended AS (UPDATE refresh_session SET revoked_at = $2
                       WHERE family_id = $1 AND revoked_at IS NULL RETURNING 1)
       SELECT 1 FROM ended`,
      [familyId, at],
    );
    return rows.length;
  }

  /** Sessions past their expiry can never be used again, nor tell of a copied token: removed. */
  async deleteExpired(tx: Tx, now: Date, limit: number): Promise<number> {
    const rows: { n: number }[] = await tx.query(
      `WITH gone AS (
         DELETE FROM refresh_session WHERE id IN (
           SELECT id FROM refresh_session WHERE expires_at < $1 LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [now, limit],
    );
    return rows[0]?.n ?? 0;
  }

  async revokeAllOf(tx: Tx, memberId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE refresh_session SET revoked_at = $2 WHERE member_id = $1 AND revoked_at IS NULL`,
      [memberId, at],
    );
  }
}

function toSession(row: Row): RefreshSession {
  return {
    id: row.id,
    memberId: row.member_id,
    familyId: row.family_id,
    tokenVersion: row.token_version,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
