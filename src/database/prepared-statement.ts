import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a hot statement as a named prepared statement on the service's pool: each connection
 * parses and plans it once, then only binds and executes it. TypeORM's `query` cannot name a
 * statement; for a statement run thousands of times a second (a scan's INSERT) planning was
 * a third of PostgreSQL's work (issue 15.5, docs/benchmarks.md). Errors are pg's own
 * (`DatabaseError`, with `constraint`), not TypeORM's `QueryFailedError`.
 */
export async function runPrepared<Row extends QueryResultRow>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query<Row>({ name, text, values });
  return result.rows;
}
