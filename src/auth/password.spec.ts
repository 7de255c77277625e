import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('hutong-4143');
    expect(stored.startsWith('scrypt$')).toBe(true);
    await expect(verifyPassword('hutong-4143', stored)).resolves.toBe(true);
    await expect(verifyPassword('demo-4144', stored)).resolves.toBe(false);
  });
  it('salts each hash', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });
  it('rejects malformed stored hashes', async () => {
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
  });
});
