import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';

/** A lottery of an offer's standing places: published (hash), then drawn (seed revealed). */
export interface AllocationDraw {
  id: string;
  offerId: string;
  method: 'lottery';
  seedHash: string;
  /** secret until `drawnAt`: never leaves the service before */
  seed: string;
  registrationIds: string[];
  drawnOrder: string[] | null;
  admittedIds: string[] | null;
  publishedAt: Date;
  drawnAt: Date | null;
}

interface Row {
  id: string;
  offer_id: string;
  method: 'lottery';
  seed_hash: string;
  seed: string;
  registration_ids: string[];
  drawn_order: string[] | null;
  admitted_ids: string[] | null;
  published_at: Date;
  drawn_at: Date | null;
}

const COLUMNS = `id, offer_id, method, seed_hash, seed, registration_ids, drawn_order, admitted_ids,
  published_at, drawn_at`;

/** The only SQL of `allocation_draw`. */
@Injectable()
export class AllocationDrawRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    draw: { offerId: string; seed: string; seedHash: string; registrationIds: string[] },
    at: Date,
    by: string,
  ): Promise<AllocationDraw> {
    const [row] = await tx.query<Row[]>(
      `INSERT INTO allocation_draw (offer_id, seed, seed_hash, registration_ids, published_at, published_by)
       VALUES ($1, $2, $3, $4::uuid[], $5, $6) RETURNING ${COLUMNS}`,
      [draw.offerId, draw.seed, draw.seedHash, draw.registrationIds, at, by],
    );
    return toDraw(row!);
  }

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<AllocationDraw | null> {
    const [row] = await tx.query<Row[]>(`SELECT ${COLUMNS} FROM allocation_draw WHERE id = $1`, [
      id,
    ]);
    return row ? toDraw(row) : null;
  }

  /** The offer's published, undrawn draw, locked for drawing it. */
  async lockOpen(tx: Tx, offerId: string): Promise<AllocationDraw | null> {
    const [row] = await tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM allocation_draw WHERE offer_id = $1 AND drawn_at IS NULL FOR UPDATE`,
      [offerId],
    );
    return row ? toDraw(row) : null;
  }

  /** Draws of offers open to (or lent in) an association, newest first, with the offer's title. */
  async ofAssociation(associationId: string, limit = 20) {
    const rows = await this.dataSource.manager.query<(Row & { title: string })[]>(
      `SELECT ${COLUMNS.split(',')
        .map((c) => `d.${c.trim()}`)
        .join(', ')}, o.title
         FROM allocation_draw d JOIN off_peak_offer o ON o.id = d.offer_id
        WHERE o.association_id = $1 OR $1 = ANY(o.eligible_association_ids)
        ORDER BY d.published_at DESC LIMIT $2`,
      [associationId, limit],
    );
    return rows.map((row) => ({ ...toDraw(row), offerTitle: row.title }));
  }

  async recordDrawn(
    tx: Tx,
    id: string,
    result: { order: string[]; admitted: string[]; at: Date; by: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE allocation_draw SET drawn_order = $2::uuid[], admitted_ids = $3::uuid[],
              drawn_at = $4, drawn_by = $5 WHERE id = $1`,
      [id, result.order, result.admitted, result.at, result.by],
    );
  }
}

function toDraw(row: Row): AllocationDraw {
  return {
    id: row.id,
    offerId: row.offer_id,
    method: row.method,
    seedHash: row.seed_hash,
    seed: row.seed,
    registrationIds: row.registration_ids,
    drawnOrder: row.drawn_order,
    admittedIds: row.admitted_ids,
    publishedAt: row.published_at,
    drawnAt: row.drawn_at,
  };
}
