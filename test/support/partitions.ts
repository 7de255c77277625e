/** The monthly partition of `table` that `at` falls in: Beijing months, named `<table>_YYYY_MM`. */
export function monthPartitionOf(table: string, at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return `${table}_${local.getUTCFullYear()}_${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
