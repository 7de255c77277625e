// Private signing keys at rest: AES-256-GCM with a key derived from PERMIT_KEY_SECRET.
// Pure functions over node:crypto; no Nest, no database.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const FORMAT = 'v1';
// A fixed salt is fine here: the input is a secret, not a password shared across services.
const SALT = 'hutong-parking/permit-signing-keys';

export function deriveWrappingKey(secret: string): Buffer {
  return scryptSync(secret, SALT, 32);
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function encryptPrivateKey(pem: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Throws when the secret is not the one the key was stored with (GCM authentication). */
export function decryptPrivateKey(stored: string, key: Buffer): string {
  const [format, iv, tag, ciphertext] = stored.split('.');
  if (format !== FORMAT || !iv || !tag || !ciphertext) {
    throw new Error('stored permit signing key has an unknown format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}
