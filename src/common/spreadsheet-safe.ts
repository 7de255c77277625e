/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return before
 * one) as a formula. User text in a CSV export is prefixed with an apostrophe so it stays text
 * (OWASP "CSV injection"). Numbers and dates we write ourselves are left alone.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
