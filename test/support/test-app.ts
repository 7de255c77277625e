import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { createTestDatabase, type TestDatabase } from './test-database';

export const DEMO = {
  password: 'hutong-4143',
  admin: '13800000001',
  wardens: ['13800000002', '13800000003', '13800000004'],
  resident: '13800000010',
  otherResident: '13800000011',
  unit: '13800000100',
  viewer: '13800000200',
} as const;

export interface TestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  dataSource: DataSource;
  /** http://127.0.0.1:<port> */
  url: string;
  http(): ReturnType<typeof request>;
  /** Requests as the holder of `token`, read in `lang` (zh-CN unless told). */
  as(token: string, lang?: string): AsMember;
  login(phone: string, password?: string): Promise<string>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

type Call = ReturnType<ReturnType<typeof request>['get']>;

export interface AsMember {
  get(path: string): Call;
  delete(path: string): Call;
  post(path: string, body?: object): Call;
  put(path: string, body: object): Call;
  patch(path: string, body: object): Call;
}

/** The real application on its own copy of the migrated, demo-seeded template database. */
export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await createApp(database.url);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const dataSource = app.get(DataSource);
  const tokens = new Map<string, string>();
  return {
    app,
    database,
    dataSource,
    url: `http://127.0.0.1:${port}`,
    http: () => request(app.getHttpServer()),
    as(token, lang = 'zh-CN') {
      const call = (method: 'get' | 'delete' | 'post' | 'put' | 'patch', path: string) => {
        const server = request(app.getHttpServer());
        return server[method](path)
          .set('authorization', `Bearer ${token}`)
          .set('accept-language', lang);
      };
      return {
        get: (path) => call('get', path),
        delete: (path) => call('delete', path),
        post: (path, body = {}) => call('post', path).send(body),
        put: (path, body) => call('put', path).send(body),
        patch: (path, body) => call('patch', path).send(body),
      };
    },
    async login(phone, password = DEMO.password) {
      const cached = tokens.get(`${phone}:${password}`);
      if (cached) return cached;
      const response = await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ phone, password });
      if (response.status !== 200)
        throw new Error(`login ${phone} failed: ${response.status} ${response.text}`);
      const token = response.body.accessToken as string;
      tokens.set(`${phone}:${password}`, token);
      return token;
    },
    sql: (query, params) => dataSource.query(query, params),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
