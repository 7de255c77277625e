// Child process of scans.mjs: the ceiling. A bare node:http server that does what a scan must do
// at the least: parse the body, verify the ES256 token, INSERT one row with pg, answer JSON.
import { createPublicKey } from 'node:crypto';
import { createServer } from 'node:http';
import jwt from 'jsonwebtoken';
import pg from 'pg';

const [databaseUrl, jwksJson] = process.argv.slice(2);
const keys = new Map(
  JSON.parse(jwksJson).keys.map((k) => [k.kid, createPublicKey({ key: k, format: 'jwk' })]),
);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_scan (
  id bigserial PRIMARY KEY, idempotency_key text UNIQUE NOT NULL, permit_number bigint, verdict text, at timestamptz)`);

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    try {
      const { token, idempotencyKey } = JSON.parse(body);
      const kid = jwt.decode(token, { complete: true })?.header.kid;
      let claims = null;
      try {
        claims = jwt.verify(token, keys.get(kid), { algorithms: ['ES256'], issuer: 'hp' });
      } catch {
        claims = null;
      }
      const verdict = claims ? 'valid' : 'forged';
      await pool.query(
        `INSERT INTO bench_scan (idempotency_key, permit_number, verdict, at) VALUES ($1, $2, $3, now())
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [idempotencyKey, claims?.p ?? null, verdict],
      );
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ verdict }));
    } catch (error) {
      res.writeHead(400);
      res.end(String(error));
    }
  });
});
server.listen(0, '127.0.0.1', () =>
  process.send({ type: 'listening', port: server.address().port }),
);
process.on('message', async (m) => {
  if (m.type === 'stop') {
    server.close();
    await pool.end();
    process.exit(0);
  }
});
