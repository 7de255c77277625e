import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import { constraintOf } from './sql-results';

/** A resident unit's car park that it lends off-peak (a garage, a yard, a school playground). */
export interface CarPark {
  id: string;
  associationId: string;
  residentUnitId: string;
  name: string;
  address: string;
  entranceNotes: string;
  latitude: number | null;
  longitude: number | null;
  totalSpaces: number;
  spaceCodes: string[];
}

interface CarParkRow {
  id: string;
  association_id: string;
  resident_unit_id: string;
  name: string;
  address: string;
  entrance_notes: string;
  latitude: string | null;
  longitude: string | null;
  total_spaces: number;
  space_codes: string[];
}

const SELECT = `
  SELECT p.id, p.association_id, p.resident_unit_id, p.name, p.address, p.entrance_notes,
         p.latitude, p.longitude, p.total_spaces,
         ARRAY(SELECT s.code FROM car_park_space s WHERE s.car_park_id = p.id ORDER BY s.code)
           AS space_codes
    FROM car_park p`;

/** The car_park and car_park_space tables: all their SQL. */
@Injectable()
export class CarParkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    park: Omit<CarPark, 'id' | 'spaceCodes'>,
    spaceCodes: string[],
  ): Promise<string> {
    try {
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO car_park (association_id, resident_unit_id, name, address, entrance_notes,
                               latitude, longitude, total_spaces)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          park.associationId,
          park.residentUnitId,
          park.name,
          park.address,
          park.entranceNotes,
          park.latitude,
          park.longitude,
          park.totalSpaces,
        ],
      );
      await tx.query(
        `INSERT INTO car_park_space (car_park_id, code) SELECT $1, unnest($2::text[])`,
        [row!.id, spaceCodes],
      );
      return row!.id;
    } catch (error) {
      if (constraintOf(error) === 'car_park_name_key')
        throw new DomainError('car_park.name_taken', { name: park.name });
      throw error;
    }
  }

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<CarPark | null> {
    const [row] = await tx.query<CarParkRow[]>(`${SELECT} WHERE p.id = $1`, [id]);
    return row ? toCarPark(row) : null;
  }

  listOfUnit(residentUnitId: string | null): Promise<CarPark[]> {
    return this.list(`p.resident_unit_id = $1`, [residentUnitId]);
  }

  listOfAssociations(associationIds: string[]): Promise<CarPark[]> {
    return this.list(`p.association_id = ANY($1)`, [associationIds]);
  }

  /** Car parks with an offer not ended that is open to the association's residents. */
  listOpenTo(associationId: string): Promise<CarPark[]> {
    return this.list(
      `EXISTS (SELECT 1 FROM off_peak_offer o WHERE o.car_park_id = p.id AND o.status <> 'ended'
                  AND $1 = ANY(o.eligible_association_ids))`,
      [associationId],
    );
  }

  /** The association's own car park, or one where an offer is (or was) open to it. */
  async servesAssociation(carParkId: string, associationId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM car_park c
        WHERE c.id = $1 AND (c.association_id = $2 OR EXISTS (
          SELECT 1 FROM off_peak_offer o
           WHERE o.car_park_id = c.id AND $2 = ANY (o.eligible_association_ids)))`,
      [carParkId, associationId],
    );
    return rows.length > 0;
  }

  /** The ids of the named spaces `codes` in the car park (unknown codes are left out). */
  async spaceIds(tx: Tx, carParkId: string, codes: string[]): Promise<Map<string, string>> {
    const rows = await tx.query<{ id: string; code: string }[]>(
      `SELECT id, code FROM car_park_space WHERE car_park_id = $1 AND code = ANY($2)`,
      [carParkId, codes],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  private async list(where: string, params: unknown[]): Promise<CarPark[]> {
    const rows = await this.dataSource.query<CarParkRow[]>(
      `${SELECT} WHERE ${where} ORDER BY p.name`,
      params,
    );
    return rows.map(toCarPark);
  }
}

function toCarPark(row: CarParkRow): CarPark {
  return {
    id: row.id,
    associationId: row.association_id,
    residentUnitId: row.resident_unit_id,
    name: row.name,
    address: row.address,
    entranceNotes: row.entrance_notes,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    totalSpaces: row.total_spaces,
    spaceCodes: row.space_codes,
  };
}
