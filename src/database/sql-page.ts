import type { Tx } from './transactions';

/** Conditions of a list query, numbered as they are added: `where.add('role = ?', role)`. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  /** A condition without a parameter. */
  also(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  toString(): string {
    return this.clauses.length > 0 ? this.clauses.join(' AND ') : 'true';
  }
}

/** One page of `SELECT columns FROM source WHERE … ORDER BY …` and the total without paging. */
export async function selectPage<Row>(
  tx: Tx,
  query: { columns: string; from: string; where: Where; orderBy: string },
  limit: number,
  offset: number,
): Promise<{ rows: Row[]; total: number }> {
  const { columns, from, where, orderBy } = query;
  const [rows, counted] = await Promise.all([
    tx.query<Row[]>(
      `SELECT ${columns} FROM ${from} WHERE ${where.toString()} ORDER BY ${orderBy}
        LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
      where.params,
    ),
    tx.query<{ total: string }[]>(
      `SELECT count(*) AS total FROM ${from} WHERE ${where.toString()}`,
      where.params,
    ),
  ]);
  return { rows, total: Number(counted[0]?.total ?? 0) };
}
