import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { permitsConfig, type PermitsConfig } from '../../config';
import { Transactions } from '../../database/transactions';
import { PermitRepository } from '../permit.repository';
import { canManageSigningKeys } from '../permits.policy';
import { decryptPrivateKey, deriveWrappingKey, encryptPrivateKey } from './key-crypto';
import {
  type NewSigningKey,
  SigningKeyRepository,
  type StoredPublicJwk,
} from './signing-key.repository';

export interface PublicJwk extends StoredPublicJwk {
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** A key that verifies tokens, and whose association's permits it signed (null: the old shared key). */
export interface VerifyingKey {
  key: KeyObject;
  associationId: string | null;
}

export interface SigningKeyView {
  kid: string;
  state: 'active' | 'retired';
  createdAt: Date;
  retiredAt: Date | null;
}

const DEV_SECRET = 'hutong-parking: development only, set PERMIT_KEY_SECRET in production';
// Another instance may rotate: re-read an active key now and then, and unknown kids at most
// this often (so forged kids cannot hammer the database).
const ACTIVE_KEY_TTL_MS = 60_000;
const RELOAD_PUBLIC_EVERY_MS = 5_000;

/**
 * ES256 keys that sign permit QR tokens, one active key per association (made on its first
 * signature), private parts encrypted at rest. Every key ever used stays in the JWKS until its
 * association's council removes it, so a phone offline verifies any association's permits.
 */
@Injectable()
export class SigningKeysService implements OnModuleInit {
  private readonly logger = new Logger('PermitSigningKeys');
  private wrappingKey!: Buffer;
  private readonly active = new Map<string, SigningKey & { loadedAt: number }>();
  private verifying = new Map<string, VerifyingKey>();
  private verifyingLoadedAt = 0;

  constructor(
    @Inject(permitsConfig.KEY) private readonly config: PermitsConfig,
    private readonly keys: SigningKeyRepository,
    private readonly permits: PermitRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.keySecret) {
      this.logger.warn(
        'PERMIT_KEY_SECRET is not set: permit signing keys are encrypted with a local development key. Set it in production.',
      );
    }
    this.wrappingKey = deriveWrappingKey(this.config.keySecret || DEV_SECRET);
    await this.reloadVerifyingKeys();
  }

  /** The association's active key, made on its first signature. */
  async signingKey(associationId: string): Promise<SigningKey> {
    const cached = this.active.get(associationId);
    if (cached && Date.now() - cached.loadedAt <= ACTIVE_KEY_TTL_MS) return cached;
    let row = await this.keys.activeOf(associationId);
    if (!row) {
      await this.keys.insertUnlessActive(generateKey(associationId, this.wrappingKey));
      row = await this.keys.activeOf(associationId);
      if (!row) throw new Error(`no active permit signing key for ${associationId}`);
      await this.reloadVerifyingKeys();
    }
    const pem = decryptPrivateKey(row.privateKeyEncrypted, this.wrappingKey);
    const key = { kid: row.kid, privateKey: createPrivateKey(pem), loadedAt: Date.now() };
    this.active.set(associationId, key);
    return key;
  }

  /** The key for a kid, or null when no such key exists (forged or removed). */
  async verifyingKey(kid: string): Promise<VerifyingKey | null> {
    const known = this.verifying.get(kid);
    if (known) return known;
    if (Date.now() - this.verifyingLoadedAt < RELOAD_PUBLIC_EVERY_MS) return null;
    await this.reloadVerifyingKeys();
    return this.verifying.get(kid) ?? null;
  }

  async jwks(): Promise<{ keys: PublicJwk[] }> {
    return {
      keys: (await this.keys.all()).map((k) => ({
        ...k.publicJwk,
        kid: k.kid,
        alg: 'ES256',
        use: 'sig',
      })),
    };
  }

  async list(actor: Actor): Promise<SigningKeyView[]> {
    return this.listOf(ownKeys(actor));
  }

  /** A new key signs the association's permits from now on; the old one keeps verifying. */
  async rotate(actor: Actor): Promise<SigningKeyView> {
    const associationId = ownKeys(actor);
    const generated = generateKey(associationId, this.wrappingKey);
    await this.transactions.run(async (tx) => {
      await this.keys.retireActive(associationId, this.clock.now(), tx);
      await this.keys.insert(generated, tx);
    });
    this.active.delete(associationId);
    await this.reloadVerifyingKeys();
    const view = (await this.listOf(associationId)).find((k) => k.kid === generated.kid);
    return view!;
  }

  /** A retired key of the association goes once no live token depends on it. */
  async remove(actor: Actor, kid: string): Promise<void> {
    const associationId = ownKeys(actor);
    await this.transactions.run(async (tx) => {
      const key = await this.keys.lockOf(associationId, kid, tx);
      if (!key) throw DomainError.notFound('signing key', kid);
      if (key.state === 'active') throw new DomainError('signing_key.active', { kid });
      const count = await this.permits.countLiveTokensSignedWith(kid, this.clock.now(), tx);
      if (count > 0) throw new DomainError('signing_key.in_use', { kid, count });
      await this.permits.forgetTokensSignedWith(kid, tx);
      await this.keys.delete(kid, tx);
    });
    this.verifying.delete(kid);
  }

  private async listOf(associationId: string): Promise<SigningKeyView[]> {
    return (await this.keys.ofAssociation(associationId)).map((k) => ({
      kid: k.kid,
      state: k.state,
      createdAt: k.createdAt,
      retiredAt: k.retiredAt,
    }));
  }

  private async reloadVerifyingKeys(): Promise<void> {
    const all = await this.keys.all();
    this.verifying = new Map(
      all.map((k) => [
        k.kid,
        {
          key: createPublicKey({ key: { ...k.publicJwk }, format: 'jwk' }),
          associationId: k.associationId,
        },
      ]),
    );
    this.verifyingLoadedAt = Date.now();
  }
}

/** The association whose keys the actor manages: their own, as its council. */
function ownKeys(actor: Actor): string {
  if (!canManageSigningKeys(actor, actor.associationId)) throw new DomainError('council.only');
  return actor.associationId;
}

function generateKey(associationId: string, wrappingKey: Buffer): NewSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  return {
    // Four characters keep the QR small; a clash would fail the primary key, never mislead.
    kid: randomBytes(3).toString('base64url'),
    associationId,
    publicJwk: { kty: kty!, crv: crv!, x: x!, y: y! },
    privateKeyEncrypted: encryptPrivateKey(
      privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      wrappingKey,
    ),
  };
}
