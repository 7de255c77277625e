/** The twelve Asia/Shanghai months ending with the month of `now`, oldest first ('YYYY-MM'). */
export function lastTwelveMonths(now: Date): string[] {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 11 + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
