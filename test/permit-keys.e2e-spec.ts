import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { hashPassword } from '../src/auth/password';
import { idempotencyKey, permitIdOfPlate, tokenOfPermit, verifyWithJose } from './support/permits';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Each association signs its permits with its own key and its council rotates only that one;
 * the JWKS lists every key, so offline phones and old tokens keep verifying.
 */
describe('permit signing keys, one per association', () => {
  let t: TestApp;
  let admin: string;
  let warden: string;
  let otherAdmin: string;
  let otherPermitId: string;
  const OTHER_PHONE = '13900000001';
  const OTHER_PASSWORD = 'wenchang-council-2026';

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[0]);
    // 文昌车友会, a second association with its own council and one permitted car.
    const [association] = await t.sql<{ id: string }>(
      `INSERT INTO association (name, community, street_office)
       VALUES ('文昌车友会', '文昌社区', '金融街街道') RETURNING id`,
    );
    const [household] = await t.sql<{ id: string }>(
      `INSERT INTO household (association_id, address) VALUES ($1, '文昌胡同1号') RETURNING id`,
      [association!.id],
    );
    await t.sql(
      `INSERT INTO member (association_id, household_id, name, phone, password_hash, role)
       VALUES ($1, $2, '文昌理事', $3, $4, 'admin')`,
      [association!.id, household!.id, OTHER_PHONE, await hashPassword(OTHER_PASSWORD)],
    );
    const [vehicle] = await t.sql<{ id: string }>(
      `INSERT INTO vehicle (association_id, household_id, plate, plate_color)
       VALUES ($1, $2, '京Q88888', 'blue') RETURNING id`,
      [association!.id, household!.id],
    );
    [{ id: otherPermitId }] = (await t.sql<{ id: string }>(
      `INSERT INTO permit (association_id, kind, vehicle_id, household_id, plate, status, valid_from, valid_to)
       VALUES ($1, 'resident', $2, $3, '京Q88888', 'active', now() - interval '1 day', now() + interval '1 year')
       RETURNING id`,
      [association!.id, vehicle!.id, household!.id],
    )) as [{ id: string }];
    otherAdmin = await t.login(OTHER_PHONE, OTHER_PASSWORD);
  });
  afterAll(() => t.close());

  const keysOf = async (bearer: string) =>
    (await t.http().get('/api/permit-keys').set('Authorization', `Bearer ${bearer}`)).body as {
      kid: string;
      state: string;
    }[];
  const activeKid = async (bearer: string) =>
    (await keysOf(bearer)).find((k) => k.state === 'active')?.kid;
  const scan = (token: string) =>
    t
      .http()
      .post('/api/scans')
      .set('Authorization', `Bearer ${warden}`)
      .send({ idempotencyKey: idempotencyKey(), token });

  it("signs each association's permits with its own key; a council rotates only its own", async () => {
    const ownToken = await tokenOfPermit(t, admin, await permitIdOfPlate(t, '京A12345'));
    const otherToken = await tokenOfPermit(t, otherAdmin, otherPermitId);
    const jwks = (await t.http().get('/.well-known/jwks.json')).body;
    const ownKid = verifyWithJose(ownToken, jwks).kid;
    const otherKid = verifyWithJose(otherToken, jwks).kid;
    expect(ownKid).not.toBe(otherKid);
    expect(await activeKid(admin)).toBe(ownKid);
    expect(await activeKid(otherAdmin)).toBe(otherKid);
    // Neither council sees, nor may touch, the other's keys.
    expect((await keysOf(admin)).map((k) => k.kid)).not.toContain(otherKid);
    const foreignRemove = await t
      .http()
      .delete(`/api/permit-keys/${otherKid}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(foreignRemove.status).toBe(404);
    expect(foreignRemove.body).toMatchObject({
      reason: 'not_found',
      params: { what: 'signing key' },
    });

    const rotated = await t
      .http()
      .post('/api/permit-keys/rotate')
      .set('Authorization', `Bearer ${otherAdmin}`);
    expect(rotated.status).toBe(200);
    expect(await activeKid(otherAdmin)).toBe(rotated.body.kid);
    expect(await activeKid(admin)).toBe(ownKid);

    // The JWKS lists both associations' keys, the retired one too: old tokens keep verifying.
    const after = (await t.http().get('/.well-known/jwks.json')).body;
    const kids = after.keys.map((k: { kid: string }) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([ownKid, otherKid, rotated.body.kid]));
    expect(verifyWithJose(otherToken, after).kid).toBe(otherKid);
    expect((await scan(ownToken)).body.verdict).toBe('valid');
    expect((await scan(otherToken)).body.verdict).toBe('wrong_scope');
  });

  it('a token signed with the one shared key of before still verifies', async () => {
    // As the migration leaves it: retired, owned by no association, still in the JWKS.
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
    await t.sql(
      `INSERT INTO permit_signing_key (kid, association_id, public_jwk, private_key_encrypted, state, retired_at)
       VALUES ('oLd1', NULL, $1, 'v1.unused', 'retired', now())`,
      [{ kty, crv, x, y }],
    );
    const id = await permitIdOfPlate(t, '京C3K889');
    const [permit] = await t.sql<{ number: string; plate: string }>(
      `SELECT number, plate FROM permit WHERE id = $1`,
      [id],
    );
    const claims = await scanClaims(id);
    const legacy = jwt.sign(
      { ...claims, p: Number(permit!.number), n: permit!.plate },
      privateKey,
      {
        algorithm: 'ES256',
        keyid: 'oLd1',
        noTimestamp: true,
      },
    );
    // Unknown kids are looked up again at most every five seconds.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect((await scan(legacy)).body.verdict).toBe('valid');
    const jwks = (await t.http().get('/.well-known/jwks.json')).body;
    expect(verifyWithJose(legacy, jwks).kid).toBe('oLd1');
    // Nobody's council lists or removes it; it is not theirs.
    expect((await keysOf(admin)).map((k) => k.kid)).not.toContain('oLd1');
  });

  /** The claims of the permit's current token, to sign them again with another key. */
  async function scanClaims(permitId: string) {
    const token = await tokenOfPermit(t, admin, permitId);
    return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
  }
});
