import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../database/transactions';

export interface OutboxMessage {
  id: string;
  topic: string;
  payload: unknown;
  attempts: number;
}

/** All SQL of outbox_message. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(tx: Tx, topic: string, payload: unknown): Promise<void> {
    await tx.query(`INSERT INTO outbox_message (topic, payload) VALUES ($1, $2::jsonb)`, [
      topic,
      JSON.stringify(payload),
    ]);
  }

  /**
   * Locks up to `limit` due messages of the given topics. SKIP LOCKED lets several instances drain
   * at once without handing the same message to two of them.
   */
  async lockDue(tx: Tx, topics: string[], maxAttempts: number, limit: number) {
    const rows: { id: string; topic: string; payload: unknown; attempts: number }[] =
      await tx.query(
        `SELECT id::text, topic, payload, attempts FROM outbox_message
          WHERE done_at IS NULL AND available_at <= now() AND topic = ANY($1) AND attempts < $2
          ORDER BY available_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED`,
        [topics, maxAttempts, limit],
      );
    return rows satisfies OutboxMessage[];
  }

  async markDone(tx: Tx, id: string): Promise<void> {
    await tx.query(
      `UPDATE outbox_message SET done_at = now(), attempts = attempts + 1 WHERE id = $1`,
      [id],
    );
  }

  /** Backs off exponentially (2 s, 4 s, … capped at an hour) and keeps the error for operators. */
  async markFailed(tx: Tx, id: string, error: string): Promise<void> {
    await tx.query(
      `UPDATE outbox_message
          SET attempts = attempts + 1, last_error = left($2, 2000),
              available_at = now() + least(interval '1 hour', interval '1 second' * power(2, attempts + 1))
        WHERE id = $1`,
      [id, error],
    );
  }

  async pendingCount(topics?: string[]): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM outbox_message WHERE done_at IS NULL AND ($1::text[] IS NULL OR topic = ANY($1))`,
      [topics ?? null],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Delivered messages are kept a week for tracing, then removed. */
  async removeDoneBefore(before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM outbox_message WHERE done_at < $1`, [before]);
  }
}
