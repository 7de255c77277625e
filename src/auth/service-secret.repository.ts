import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

/** The only SQL of `service_secret`: secrets generated once and shared by every instance. */
@Injectable()
export class ServiceSecretRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The secret called `name`, created with `candidate` by whichever instance asks first. */
  async getOrCreate(name: string, candidate: string): Promise<string> {
    const db = this.transactions.autocommit;
    await db.query(
      `INSERT INTO service_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, candidate],
    );
    const rows: { value: string }[] = await db.query(
      `SELECT value FROM service_secret WHERE name = $1`,
      [name],
    );
    return rows[0]!.value;
  }
}
