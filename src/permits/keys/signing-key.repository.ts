import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../database/transactions';

/** The public half as stored (JWK members without kid, alg, use). */
export interface StoredPublicJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
}

export interface SigningKeyRecord {
  kid: string;
  /** null: the one shared key from before keys were per association; it only verifies. */
  associationId: string | null;
  publicJwk: StoredPublicJwk;
  state: 'active' | 'retired';
  createdAt: Date;
  retiredAt: Date | null;
}

export interface NewSigningKey {
  kid: string;
  associationId: string;
  publicJwk: StoredPublicJwk;
  privateKeyEncrypted: string;
}

interface KeyRow {
  kid: string;
  association_id: string | null;
  public_jwk: StoredPublicJwk;
  state: 'active' | 'retired';
  created_at: Date;
  retired_at: Date | null;
}

const COLUMNS = 'kid, association_id, public_jwk, state, created_at, retired_at';

/** The only code that speaks SQL to `permit_signing_key`. */
@Injectable()
export class SigningKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The association's active key with its encrypted private half, if it has one. */
  async activeOf(
    associationId: string,
  ): Promise<{ kid: string; privateKeyEncrypted: string } | null> {
    const rows: { kid: string; private_key_encrypted: string }[] = await this.dataSource.query(
      `SELECT kid, private_key_encrypted FROM permit_signing_key
        WHERE association_id = $1 AND state = 'active'`,
      [associationId],
    );
    const row = rows[0];
    return row ? { kid: row.kid, privateKeyEncrypted: row.private_key_encrypted } : null;
  }

  /** Every key, each association's and the old shared one: they all verify what they signed. */
  async all(): Promise<SigningKeyRecord[]> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM permit_signing_key ORDER BY created_at DESC`,
    );
    return rows.map(toRecord);
  }

  async ofAssociation(associationId: string): Promise<SigningKeyRecord[]> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM permit_signing_key WHERE association_id = $1 ORDER BY created_at DESC`,
      [associationId],
    );
    return rows.map(toRecord);
  }

  /** A first key for the association, unless another instance made one a moment ago. */
  async insertUnlessActive(key: NewSigningKey): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO permit_signing_key (kid, association_id, public_jwk, private_key_encrypted)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (association_id) WHERE state = 'active' DO NOTHING`,
      [key.kid, key.associationId, key.publicJwk, key.privateKeyEncrypted],
    );
  }

  async retireActive(associationId: string, at: Date, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE permit_signing_key SET state = 'retired', retired_at = $2
        WHERE association_id = $1 AND state = 'active'`,
      [associationId, at],
    );
  }

  async insert(key: NewSigningKey, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO permit_signing_key (kid, association_id, public_jwk, private_key_encrypted)
       VALUES ($1, $2, $3, $4)`,
      [key.kid, key.associationId, key.publicJwk, key.privateKeyEncrypted],
    );
  }

  /** The association's key under a row lock, or null when it is not the association's. */
  async lockOf(associationId: string, kid: string, tx: Tx): Promise<SigningKeyRecord | null> {
    const rows: KeyRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM permit_signing_key WHERE kid = $1 AND association_id = $2 FOR UPDATE`,
      [kid, associationId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async delete(kid: string, tx: Tx): Promise<void> {
    await tx.query(`DELETE FROM permit_signing_key WHERE kid = $1`, [kid]);
  }
}

function toRecord(row: KeyRow): SigningKeyRecord {
  return {
    kid: row.kid,
    associationId: row.association_id,
    publicJwk: row.public_jwk,
    state: row.state,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}
