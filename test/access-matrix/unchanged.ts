import type { TestApp } from '../support/test-app';

/** The live adapter's own bookkeeping: it writes whenever it likes, and it is not data. */
const NOT_DATA = new Set(['socket_io_attachments', 'schema_migrations']);

/**
 * Did a request change any data? Every transaction that writes gets a transaction id, reads do
 * not: when no id handed out during the request committed, nothing changed (a refused write may
 * start a transaction and roll it back). When one did commit (the live adapter's NOTIFYs do),
 * look at the rows themselves: no table may have rows written since, nor a different count.
 */
export class ChangeDetector {
  private counts = new Map<string, number>();
  private tables: string[] = [];

  constructor(private readonly t: TestApp) {}

  async start(): Promise<void> {
    const rows = await this.t.sql<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    this.tables = rows.map((r) => r.name).filter((name) => !NOT_DATA.has(name));
    this.counts = await this.rowCounts('0');
  }

  /** Runs `work`; the tables it changed (empty when it changed nothing). */
  async changedBy<T>(work: () => Promise<T>): Promise<{ result: T; changed: string[] }> {
    const before = await this.nextXid();
    const result = await work();
    if (!(await this.anyCommitSince(before))) return { result, changed: [] };
    const now = await this.rowCounts(before);
    const changed = this.tables.filter(
      (table) => now.get(`${table}:fresh`)! > 0 || now.get(table) !== this.counts.get(table),
    );
    if (changed.length > 0) this.counts = await this.rowCounts('0');
    return { result, changed };
  }

  private async nextXid(): Promise<string> {
    const rows = await this.t.sql<{ x: string }>(
      `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`,
    );
    return rows[0]!.x;
  }

  private async anyCommitSince(before: string): Promise<boolean> {
    const rows = await this.t.sql<{ committed: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM generate_series($1::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint - 1) x
          WHERE pg_xact_status(x::text::xid8) = 'committed') AS committed`,
      [before],
    );
    return rows[0]!.committed;
  }

  /** Rows per table, and rows written by transactions from `since` on (`<table>:fresh`). */
  private async rowCounts(since: string): Promise<Map<string, number>> {
    const parts = this.tables.map(
      (table) =>
        `SELECT '${table}' AS name, count(*) AS n,
                count(*) FILTER (WHERE xmin::text::bigint >= ($1::bigint & 4294967295)) AS fresh
           FROM "${table}"`,
    );
    const rows = await this.t.sql<{ name: string; n: string; fresh: string }>(
      parts.join(' UNION ALL '),
      [since],
    );
    const counts = new Map<string, number>();
    for (const row of rows) {
      counts.set(row.name, Number(row.n));
      counts.set(`${row.name}:fresh`, since === '0' ? 0 : Number(row.fresh));
    }
    return counts;
  }
}
