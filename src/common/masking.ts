// Masks applied in response mappers wherever the reader has no need for the full value.

/** "京A12345" → "京A·***45". */
export function maskPlate(plate: string): string {
  const chars = [...plate];
  if (chars.length < 4) return '***';
  return `${chars.slice(0, 2).join('')}·***${chars.slice(-2).join('')}`;
}

/** "13800000001" → "138****0001". */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '****';
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
