import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';

/** Who sent which key to which route (`POST /api/offers/:id/bookings`). */
export interface IdempotencyClaim {
  memberId: string;
  route: string;
  key: string;
  fingerprint: string;
}

export interface StoredRequest {
  fingerprint: string;
  /** null while the first request with the key is still being handled. */
  statusCode: number | null;
  response: unknown;
}

/**
 * The `idempotent_request` table. Every statement commits on its own, outside the request's
 * transaction: a claim must be visible to a concurrent retry at once, and must survive the
 * rollback of the request it guards.
 */
@Injectable()
export class IdempotentRequestRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Claims the key for `attempt`: true when no live row held it. An expired row, or a pending one
   * older than `staleSeconds` (its request died with its process), is taken over.
   */
  async claim(
    claim: IdempotencyClaim,
    attempt: string,
    keepHours: number,
    staleSeconds: number,
  ): Promise<boolean> {
    const rows: unknown[] = await this.transactions.autocommit.query(
      `INSERT INTO idempotent_request (member_id, route, key, fingerprint, attempt, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))
       ON CONFLICT (member_id, route, key) DO UPDATE
          SET fingerprint = EXCLUDED.fingerprint, attempt = EXCLUDED.attempt,
              status_code = NULL, response = NULL, created_at = now(),
              expires_at = EXCLUDED.expires_at
        WHERE idempotent_request.expires_at < now()
           OR (idempotent_request.status_code IS NULL
               AND idempotent_request.created_at < now() - make_interval(secs => $7))
       RETURNING 1`,
      [claim.memberId, claim.route, claim.key, claim.fingerprint, attempt, keepHours, staleSeconds],
    );
    return rows.length > 0;
  }

  async find(claim: IdempotencyClaim): Promise<StoredRequest | undefined> {
    const rows: { fingerprint: string; status_code: number | null; response: unknown }[] =
      await this.transactions.autocommit.query(
        `SELECT fingerprint, status_code, response FROM idempotent_request
          WHERE member_id = $1 AND route = $2 AND key = $3 AND expires_at >= now()`,
        [claim.memberId, claim.route, claim.key],
      );
    const row = rows[0];
    return (
      row && { fingerprint: row.fingerprint, statusCode: row.status_code, response: row.response }
    );
  }

  async complete(
    claim: IdempotencyClaim,
    attempt: string,
    statusCode: number,
    response: unknown,
  ): Promise<void> {
    await this.transactions.autocommit.query(
      `UPDATE idempotent_request SET status_code = $5, response = $6::jsonb
        WHERE member_id = $1 AND route = $2 AND key = $3 AND attempt = $4`,
      [
        claim.memberId,
        claim.route,
        claim.key,
        attempt,
        statusCode,
        response === undefined ? null : JSON.stringify(response),
      ],
    );
  }

  /** Gives the key back: the request failed and changed nothing, so a retry runs it again. */
  async release(claim: IdempotencyClaim, attempt: string): Promise<void> {
    await this.transactions.autocommit.query(
      `DELETE FROM idempotent_request
        WHERE member_id = $1 AND route = $2 AND key = $3 AND attempt = $4`,
      [claim.memberId, claim.route, claim.key, attempt],
    );
  }

  async deleteExpired(): Promise<number> {
    const rows: { removed: number }[] = await this.transactions.autocommit.query(
      `WITH removed AS (DELETE FROM idempotent_request WHERE expires_at < now() RETURNING 1)
       SELECT count(*)::int AS removed FROM removed`,
    );
    return rows[0]?.removed ?? 0;
  }
}
