import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A sum in yuan with at most two decimals (fen), finite. */
export function isYuan(value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const fen = value * 100;
  return Math.abs(fen - Math.round(fen)) < 1e-6;
}

/**
 * Money in yuan, to the fen. class-validator's `IsNumber({ maxDecimalPlaces })` throws on numbers
 * JSON writes with an exponent (`5e-324`), which made a 500 of a payment.
 */
export function IsYuan(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isYuan', validator: { validate: isYuan } },
    { ...options, context: { reason: 'field.yuan', ...(options?.context as object | undefined) } },
  );
}
