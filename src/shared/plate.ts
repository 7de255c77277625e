// Chinese number plates (GA 36). Pure functions: no Nest, no database.

export const PLATE_COLORS = ['blue', 'yellow', 'green', 'white', 'black'] as const;
export type PlateColor = (typeof PLATE_COLORS)[number];

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// Serial characters never include I or O: they would be read as 1 and 0.
const SERIAL = 'A-HJ-NP-Z0-9';
const ORDINARY = new RegExp(`^[${PROVINCES}][A-HJ-Z][${SERIAL}]{5}$`);
const ORDINARY_WITH_SUFFIX = new RegExp(`^[${PROVINCES}][A-HJ-Z][${SERIAL}]{4}[警学挂港澳领]$`);
// New-energy: a small car's serial starts with an energy letter (D electric, F hybrid and the
// 2022 extensions A–K), a large vehicle's ends with D or F.
const NEW_ENERGY_SMALL = new RegExp(`^[${PROVINCES}][A-HJ-Z][A-HJK][${SERIAL}][0-9]{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^[${PROVINCES}][A-HJ-Z][0-9]{5}[DF]$`);

/** Why a plate was refused: a reason of the catalogue (src/shared/reasons/associations.ts). */
export type PlateProblem = 'plate.invalid' | 'plate.new_energy_green' | 'plate.green_has_eight';

export type PlateParse =
  { ok: true; plate: string; color: PlateColor } | { ok: false; reason: PlateProblem };

/** Removes separators, upper-cases, and resolves O/0 and I/1 in the serial. */
export function normalisePlate(input: string): string {
  const compact = input
    .normalize('NFKC')
    .replace(/[\s·•・.\-_]/g, '')
    .toUpperCase();
  const chars = [...compact];
  if (chars.length < 3) return compact;
  const serial = chars
    .slice(2)
    .map((c) => (c === 'O' ? '0' : c === 'I' ? '1' : c))
    .join('');
  return chars[0]! + chars[1]! + serial;
}

export function parsePlate(input: string, color?: PlateColor): PlateParse {
  const plate = normalisePlate(input);
  const length = [...plate].length;
  const isNewEnergy =
    length === 8 && (NEW_ENERGY_SMALL.test(plate) || NEW_ENERGY_LARGE.test(plate));
  const isOrdinary = length === 7 && (ORDINARY.test(plate) || ORDINARY_WITH_SUFFIX.test(plate));
  if (!isNewEnergy && !isOrdinary) {
    return { ok: false, reason: 'plate.invalid' };
  }
  const expected = inferPlateColor(plate);
  if (color === undefined) return { ok: true, plate, color: expected };
  if (isNewEnergy && color !== 'green') {
    return { ok: false, reason: 'plate.new_energy_green' };
  }
  if (!isNewEnergy && color === 'green') {
    return { ok: false, reason: 'plate.green_has_eight' };
  }
  return { ok: true, plate, color };
}

export function inferPlateColor(plate: string): PlateColor {
  if ([...plate].length === 8) return 'green';
  const chars = [...plate];
  const last = chars[chars.length - 1];
  if (last === '警') return 'white';
  if (last === '港' || last === '澳' || last === '领') return 'black';
  if (last === '学' || last === '挂') return 'yellow';
  return 'blue';
}

/** "京A12345" → "京A·12345", as painted on the plate. */
export function formatPlate(plate: string): string {
  // Idempotent: a plate already shown as 京A·12345 keeps its one dot.
  const chars = [...plate.replace(/·/g, '')];
  return `${chars.slice(0, 2).join('')}·${chars.slice(2).join('')}`;
}
