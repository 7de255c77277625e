/** Query strings carry booleans as text; anything else is left for the validator to refuse. */
export function parseBooleanQuery(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
