import { networkInterfaces } from 'node:os';
import { inspect } from 'node:util';
import { StartupRefusal } from './database/embedded-postgres';

// What `npm start` tells a person: where to go once it runs, and what to do when it cannot start.

export interface BannerFacts {
  /** PUBLIC_URL, or empty to use this machine's addresses. */
  publicUrl: string;
  host: string;
  port: number;
  database: string;
  demoLogins: boolean;
  demoPassword: string;
}

/** The addresses links are built from: PUBLIC_URL, else localhost and this machine's LAN. */
export function baseUrls(facts: Pick<BannerFacts, 'publicUrl' | 'host' | 'port'>): string[] {
  if (facts.publicUrl) return [facts.publicUrl.replace(/\/+$/, '')];
  const local = [`http://localhost:${facts.port}`];
  if (facts.host !== '0.0.0.0' && facts.host !== '::') return local;
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a!.address}:${facts.port}`);
  return [...local, ...lan];
}

export function bannerLines(facts: BannerFacts): string[] {
  const [base, ...others] = baseUrls(facts);
  return [
    '',
    '  hutong-parking is running',
    `  web client   ${base}/app/`,
    ...others.map((url) => `               ${url}/app/  (phones on this network)`),
    `  API docs     ${base}/api/docs`,
    `  health       ${base}/health`,
    `  database     ${facts.database}`,
    ...(facts.demoLogins
      ? [
          `  demo logins  password ${facts.demoPassword}: 13800000001 council admin, 13800000002-04 wardens,`,
          `               13800000010-45 residents, 13800000100-101 resident units, 13800000200 street office`,
        ]
      : []),
    ...(facts.publicUrl ? [] : ['  links        set PUBLIC_URL to the address residents use']),
    '  Ctrl-C stops it.',
    '',
  ];
}

/** One paragraph a person can act on, for any failure before the service listens. */
export function startupFailureMessage(error: unknown, port: number): string {
  const prefix = 'hutong-parking could not start: ';
  if (error instanceof StartupRefusal) return prefix + error.message;
  const e = (error ?? {}) as {
    code?: unknown;
    address?: unknown;
    port?: unknown;
    message?: unknown;
  };
  const at = typeof e.address === 'string' ? ` at ${e.address}:${String(e.port)}` : '';
  switch (e.code) {
    case 'EADDRINUSE':
      return `${prefix}port ${port} is already in use (another hutong-parking?). Stop it, or set PORT to another port.`;
    case 'EACCES':
      return `${prefix}not allowed to listen on port ${port}. Set PORT to a port above 1024.`;
    case 'ECONNREFUSED':
      return `${prefix}PostgreSQL${at} refused the connection. Is it running? Check DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${prefix}the PostgreSQL host in DATABASE_URL was not found.`;
    case '28P01':
    case '28000':
      return `${prefix}PostgreSQL refused the user or password in DATABASE_URL.`;
    case '3D000':
      return `${prefix}the database named in DATABASE_URL does not exist. Create it (createdb) first.`;
  }
  if (error instanceof Error) {
    const stack = error.stack ?? `${error.name}: ${error.message}`;
    return `${prefix}${error.message || error.name}\n${stack}`;
  }
  return `${prefix}an unexpected failure without a reason (${inspect(error)})`;
}
