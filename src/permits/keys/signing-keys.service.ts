import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { permitsConfig, type PermitsConfig } from '../../config';
import { decryptPrivateKey, deriveWrappingKey, encryptPrivateKey } from './key-crypto';

export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export interface SigningKeyView {
  kid: string;
  state: 'active' | 'retired';
  createdAt: Date;
  retiredAt: Date | null;
}

interface KeyRow {
  kid: string;
  public_jwk: Omit<PublicJwk, 'kid' | 'alg' | 'use'>;
  private_key_encrypted: string;
  state: 'active' | 'retired';
  created_at: Date;
  retired_at: Date | null;
}

const DEV_SECRET = 'hutong-parking: development only, set PERMIT_KEY_SECRET in production';
// Another instance may rotate: re-read the active key now and then, and unknown kids at most
// this often (so forged kids cannot hammer the database).
const ACTIVE_KEY_TTL_MS = 60_000;
const RELOAD_PUBLIC_EVERY_MS = 5_000;

/** ES256 keys that sign permit QR tokens: generated on first start, private part encrypted. */
@Injectable()
export class SigningKeysService implements OnModuleInit {
  private readonly logger = new Logger('PermitSigningKeys');
  private wrappingKey!: Buffer;
  private active: (SigningKey & { loadedAt: number }) | null = null;
  private publicKeys = new Map<string, KeyObject>();
  private publicLoadedAt = 0;

  constructor(
    @Inject(permitsConfig.KEY) private readonly config: PermitsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.keySecret) {
      this.logger.warn(
        'PERMIT_KEY_SECRET is not set: permit signing keys are encrypted with a local development key. Set it in production.',
      );
    }
    this.wrappingKey = deriveWrappingKey(this.config.keySecret || DEV_SECRET);
    await this.insertKeyUnlessActive();
    await this.reloadPublicKeys();
  }

  async signingKey(): Promise<SigningKey> {
    if (!this.active || Date.now() - this.active.loadedAt > ACTIVE_KEY_TTL_MS) {
      const rows: KeyRow[] = await this.dataSource.query(
        `SELECT * FROM permit_signing_key WHERE state = 'active'`,
      );
      const row = rows[0];
      if (!row) throw new Error('no active permit signing key');
      const pem = decryptPrivateKey(row.private_key_encrypted, this.wrappingKey);
      this.active = { kid: row.kid, privateKey: createPrivateKey(pem), loadedAt: Date.now() };
    }
    return this.active;
  }

  /** The public key for a kid, or null when no such key exists (forged or removed). */
  async publicKey(kid: string): Promise<KeyObject | null> {
    const known = this.publicKeys.get(kid);
    if (known) return known;
    if (Date.now() - this.publicLoadedAt < RELOAD_PUBLIC_EVERY_MS) return null;
    await this.reloadPublicKeys();
    return this.publicKeys.get(kid) ?? null;
  }

  async jwks(): Promise<{ keys: PublicJwk[] }> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT kid, public_jwk FROM permit_signing_key ORDER BY created_at DESC`,
    );
    return { keys: rows.map(toJwk) };
  }

  async list(): Promise<SigningKeyView[]> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT kid, state, created_at, retired_at FROM permit_signing_key ORDER BY created_at DESC`,
    );
    return rows.map((r) => ({
      kid: r.kid,
      state: r.state,
      createdAt: r.created_at,
      retiredAt: r.retired_at,
    }));
  }

  /** A new key signs from now on; the old one keeps verifying the tokens it signed. */
  async rotate(): Promise<SigningKeyView> {
    const generated = generateKey(this.wrappingKey);
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `UPDATE permit_signing_key SET state = 'retired', retired_at = $1 WHERE state = 'active'`,
        [this.clock.now()],
      );
      await em.query(
        `INSERT INTO permit_signing_key (kid, public_jwk, private_key_encrypted) VALUES ($1, $2, $3)`,
        [generated.kid, generated.publicJwk, generated.encrypted],
      );
    });
    this.active = null;
    await this.reloadPublicKeys();
    const view = (await this.list()).find((k) => k.kid === generated.kid);
    return view!;
  }

  /** A retired key goes once no live token depends on it. */
  async remove(kid: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const rows: KeyRow[] = await em.query(
        `SELECT kid, state FROM permit_signing_key WHERE kid = $1 FOR UPDATE`,
        [kid],
      );
      const key = rows[0];
      if (!key) throw DomainError.notFound('signing key', kid);
      if (key.state === 'active') {
        throw DomainError.conflict(
          `正在使用的签名密钥不能删除 / key ${kid} is the active signing key: rotate first`,
        );
      }
      const live: { count: string }[] = await em.query(
        `SELECT count(*) FROM permit WHERE token_kid = $1 AND valid_to > $2 AND status <> 'revoked'`,
        [kid, this.clock.now()],
      );
      const count = Number(live[0]?.count ?? 0);
      if (count > 0) {
        throw DomainError.conflict(
          `仍有${count}张停车证使用此密钥 / ${count} unexpired permit token(s) were signed with key ${kid}; remove it after they expire`,
        );
      }
      // Lapsed permits forget the token; a renewal would sign a fresh one with the live key.
      await em.query(`UPDATE permit SET token = NULL, token_kid = NULL WHERE token_kid = $1`, [
        kid,
      ]);
      await em.query(`DELETE FROM permit_signing_key WHERE kid = $1`, [kid]);
    });
    this.publicKeys.delete(kid);
  }

  private async insertKeyUnlessActive(): Promise<void> {
    const rows: { kid: string }[] = await this.dataSource.query(
      `SELECT kid FROM permit_signing_key WHERE state = 'active'`,
    );
    if (rows.length > 0) return;
    const generated = generateKey(this.wrappingKey);
    await this.dataSource.query(
      `INSERT INTO permit_signing_key (kid, public_jwk, private_key_encrypted) VALUES ($1, $2, $3)
       ON CONFLICT (state) WHERE state = 'active' DO NOTHING`,
      [generated.kid, generated.publicJwk, generated.encrypted],
    );
  }

  private async reloadPublicKeys(): Promise<void> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT kid, public_jwk FROM permit_signing_key`,
    );
    this.publicKeys = new Map(
      rows.map((r) => [r.kid, createPublicKey({ key: { ...r.public_jwk }, format: 'jwk' })]),
    );
    this.publicLoadedAt = Date.now();
  }
}

function generateKey(wrappingKey: Buffer) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  return {
    // Four characters keep the QR small; a clash would fail the primary key, never mislead.
    kid: randomBytes(3).toString('base64url'),
    publicJwk: { kty, crv, x, y },
    encrypted: encryptPrivateKey(
      privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      wrappingKey,
    ),
  };
}

function toJwk(row: Pick<KeyRow, 'kid' | 'public_jwk'>): PublicJwk {
  return { ...row.public_jwk, kid: row.kid, alg: 'ES256', use: 'sig' };
}
