import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Longer than a healthy database ever takes; a load balancer should not wait on a dead one. */
const CHECK_TIMEOUT_MS = 2000;

/** The health check's one statement: does PostgreSQL answer, within two seconds? */
@Injectable()
export class DatabaseProbeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async answers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
    });
    const query = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
