// 公开抽签: admission by lottery with a public seed. When registration closes the lender publishes
// seedHash = SHA-256(seed); at the draw it reveals the seed, and the order is the registrations
// sorted ascending by SHA-256(`${seed}:${registrationId}`) in hex. Anyone holding the seed and the
// list recomputes the very same order: nobody, the lender included, can steer it after the hash
// is out. Priority tiers (drivers with a disability, households over 80) are drawn first, each
// tier by the same rule. Pure functions over node:crypto, unit-tested apart from the service.
import { createHash, randomBytes } from 'node:crypto';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A fresh secret seed: 32 random bytes as hex. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/** What is published before the draw. */
export function seedHashOf(seed: string): string {
  return sha256Hex(seed);
}

/** The key a registration is sorted by. */
export function drawKey(seed: string, registrationId: string): string {
  return sha256Hex(`${seed}:${registrationId}`);
}

/**
 * The drawn order: tier by tier (the first tier first; registrations in no tier last), each
 * sorted ascending by its draw key. Ties cannot happen short of a SHA-256 collision; the id
 * breaks them anyway, so the order is total.
 */
export function drawOrder(
  seed: string,
  registrationIds: readonly string[],
  tiers: readonly (readonly string[])[] = [],
): string[] {
  const tierOf = (id: string) => {
    const index = tiers.findIndex((tier) => tier.includes(id));
    return index < 0 ? tiers.length : index;
  };
  return [...new Set(registrationIds)]
    .map((id) => ({ id, tier: tierOf(id), key: drawKey(seed, id) }))
    .sort((a, b) => a.tier - b.tier || cmp(a.key, b.key) || cmp(a.id, b.id))
    .map((entry) => entry.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Who enters a draw: a registration, its priority tier (if any), whether it held a place. */
export interface DrawEntrant {
  id: string;
  tier: string | null;
  /** Held a standing place in the period that ends (rotation, 轮换). */
  heldBefore: boolean;
}

/** One group of a draw: drawn whole before the next, sorted by draw key within. */
export interface DrawGroup {
  /** A tier key of the convention, or null: no tier. */
  tier: string | null;
  heldBefore: boolean;
  registrationIds: string[];
}

/**
 * The groups of a draw, in drawing order: the convention's tiers as it lists them, then those in
 * no tier (a tier the convention no longer lists counts as none); within each tier, those who did
 * not hold a place before those who did. Empty groups are left out. The drawn order is the groups
 * one after the other, each sorted ascending by `drawKey`: `drawOrder(seed, ids, groups)`.
 */
export function drawGroups(
  entrants: readonly DrawEntrant[],
  tierKeys: readonly string[],
): DrawGroup[] {
  const tiers: (string | null)[] = [...tierKeys, null];
  const groups: DrawGroup[] = [];
  for (const tier of tiers) {
    for (const heldBefore of [false, true]) {
      const registrationIds = entrants
        .filter((e) => (e.tier !== null && tierKeys.includes(e.tier) ? e.tier : null) === tier)
        .filter((e) => e.heldBefore === heldBefore)
        .map((e) => e.id)
        .sort();
      if (registrationIds.length > 0) groups.push({ tier, heldBefore, registrationIds });
    }
  }
  return groups;
}
