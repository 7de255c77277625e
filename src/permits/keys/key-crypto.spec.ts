import { generateKeyPairSync } from 'node:crypto';
import { decryptPrivateKey, deriveWrappingKey, encryptPrivateKey } from './key-crypto';

describe('permit signing keys at rest', () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();

  it('round-trips with the same secret and hides the key', () => {
    const key = deriveWrappingKey('correct horse');
    const stored = encryptPrivateKey(pem, key);
    expect(stored).not.toContain('PRIVATE KEY');
    expect(decryptPrivateKey(stored, key)).toBe(pem);
  });

  it('refuses another secret and a tampered ciphertext', () => {
    const stored = encryptPrivateKey(pem, deriveWrappingKey('a'));
    expect(() => decryptPrivateKey(stored, deriveWrappingKey('b'))).toThrow();
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptPrivateKey(parts.join('.'), deriveWrappingKey('a'))).toThrow();
  });
});
