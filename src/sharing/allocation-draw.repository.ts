import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';
import type { DrawGroup } from './lottery';

export type DrawKind = 'admission' | 'rotation';

/** A lottery of an offer's standing places: published (hash), then drawn (seed revealed). */
export interface AllocationDraw {
  id: string;
  offerId: string;
  method: 'lottery';
  /** admission: places free now; rotation (轮换): every place, redrawn at the period's end */
  kind: DrawKind;
  /** In drawing order (lottery.ts drawGroups); empty for draws before tiers existed */
  groups: DrawGroup[];
  /** rotation: the period the places are held for, as the convention set it at publication */
  periodMonths: number | null;
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
  kind: DrawKind;
  groups: DrawGroup[];
  period_months: number | null;
  seed_hash: string;
  seed: string;
  registration_ids: string[];
  drawn_order: string[] | null;
  admitted_ids: string[] | null;
  published_at: Date;
  drawn_at: Date | null;
}

const COLUMNS = `id, offer_id, method, kind, groups, period_months, seed_hash, seed,
  registration_ids, drawn_order, admitted_ids, published_at, drawn_at`;

/** The only SQL of `allocation_draw`. */
@Injectable()
export class AllocationDrawRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    draw: {
      offerId: string;
      kind: DrawKind;
      groups: DrawGroup[];
      periodMonths: number | null;
      seed: string;
      seedHash: string;
      registrationIds: string[];
    },
    at: Date,
    by: string | null,
  ): Promise<AllocationDraw> {
    const [row] = await tx.query<Row[]>(
      `INSERT INTO allocation_draw (offer_id, kind, groups, period_months, seed, seed_hash,
         registration_ids, published_at, published_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9) RETURNING ${COLUMNS}`,
      [
        draw.offerId,
        draw.kind,
        JSON.stringify(draw.groups),
        draw.periodMonths,
        draw.seed,
        draw.seedHash,
        draw.registrationIds,
        at,
        by,
      ],
    );
    return toDraw(row!);
  }

  /** The offer's draws, newest first: the history of its admissions and rotations. */
  async ofOffer(offerId: string, limit = 50): Promise<AllocationDraw[]> {
    const rows = await this.dataSource.manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM allocation_draw WHERE offer_id = $1
        ORDER BY published_at DESC, id LIMIT $2`,
      [offerId, limit],
    );
    return rows.map(toDraw);
  }

  /** The offer's open (published, undrawn) draw, if any, unlocked. */
  async open(offerId: string): Promise<AllocationDraw | null> {
    const [row] = await this.dataSource.manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM allocation_draw WHERE offer_id = $1 AND drawn_at IS NULL`,
      [offerId],
    );
    return row ? toDraw(row) : null;
  }

  /** When the offer's places were last drawn: the current period began then. */
  async lastDrawnAt(offerId: string): Promise<Date | null> {
    const [row] = await this.dataSource.manager.query<{ at: Date | null }[]>(
      `SELECT max(drawn_at) AS at FROM allocation_draw WHERE offer_id = $1`,
      [offerId],
    );
    return row?.at ?? null;
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
    result: { order: string[]; admitted: string[]; at: Date; by: string | null },
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
    kind: row.kind,
    groups: row.groups,
    periodMonths: row.period_months,
    seedHash: row.seed_hash,
    seed: row.seed,
    registrationIds: row.registration_ids,
    drawnOrder: row.drawn_order,
    admittedIds: row.admitted_ids,
    publishedAt: row.published_at,
    drawnAt: row.drawn_at,
  };
}
