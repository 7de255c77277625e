import { createHash, randomUUID } from 'node:crypto';
import { drawGroups, drawKey, drawOrder, newSeed, seedHashOf } from './lottery';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the public lottery', () => {
  const ids = Array.from({ length: 30 }, () => randomUUID());

  it('publishes the SHA-256 of the seed, in hex', () => {
    const seed = newSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(seedHashOf(seed)).toBe(sha(seed));
  });

  it('orders by SHA-256 of seed:id, as anyone can recompute', () => {
    const seed = 'abc';
    const expected = [...ids].sort((a, b) => (sha(`abc:${a}`) < sha(`abc:${b}`) ? -1 : 1));
    expect(drawOrder(seed, ids)).toEqual(expected);
    expect(drawKey(seed, ids[0]!)).toBe(sha(`abc:${ids[0]!}`));
  });

  it('is the same whatever order the registrations come in, and another seed shuffles', () => {
    const seed = newSeed();
    expect(drawOrder(seed, [...ids].reverse())).toEqual(drawOrder(seed, ids));
    expect(drawOrder(newSeed(), ids)).not.toEqual(drawOrder(seed, ids));
    expect(new Set(drawOrder(seed, ids))).toEqual(new Set(ids));
  });

  it('draws priority tiers first, each by the same rule', () => {
    const seed = newSeed();
    const disability = ids.slice(0, 3);
    const over80 = ids.slice(10, 14);
    const order = drawOrder(seed, ids, [disability, over80]);
    expect(new Set(order.slice(0, 3))).toEqual(new Set(disability));
    expect(order.slice(0, 3)).toEqual(drawOrder(seed, disability));
    expect(order.slice(3, 7)).toEqual(drawOrder(seed, over80));
    expect(order.slice(7)).toEqual(
      drawOrder(
        seed,
        ids.filter((id) => !disability.includes(id) && !over80.includes(id)),
      ),
    );
  });

  it('groups a draw tier by tier, those who held a place behind those who did not', () => {
    const [a, b, c, d, e, f] = ids;
    const groups = drawGroups(
      [
        { id: a!, tier: null, heldBefore: true },
        { id: b!, tier: null, heldBefore: false },
        { id: c!, tier: 'over_80', heldBefore: false },
        { id: d!, tier: 'disability', heldBefore: true },
        { id: e!, tier: 'disability', heldBefore: false },
        // A tier the convention no longer lists counts as none.
        { id: f!, tier: 'veteran', heldBefore: false },
      ],
      ['disability', 'over_80'],
    );
    expect(groups).toEqual([
      { tier: 'disability', heldBefore: false, registrationIds: [e] },
      { tier: 'disability', heldBefore: true, registrationIds: [d] },
      { tier: 'over_80', heldBefore: false, registrationIds: [c] },
      { tier: null, heldBefore: false, registrationIds: [b, f].sort() },
      { tier: null, heldBefore: true, registrationIds: [a] },
    ]);
    const seed = newSeed();
    const order = drawOrder(
      seed,
      [a!, b!, c!, d!, e!, f!],
      groups.map((g) => g.registrationIds),
    );
    expect(order.slice(0, 3)).toEqual([e, d, c]);
    expect(order.slice(3, 5)).toEqual(drawOrder(seed, [b!, f!]));
    expect(order[5]).toBe(a);
  });

  it('without tiers or holders, one group: the plain order', () => {
    const seed = newSeed();
    const groups = drawGroups(
      ids.map((id) => ({ id, tier: null, heldBefore: false })),
      [],
    );
    expect(groups).toHaveLength(1);
    expect(
      drawOrder(
        seed,
        ids,
        groups.map((g) => g.registrationIds),
      ),
    ).toEqual(drawOrder(seed, ids));
  });
});
