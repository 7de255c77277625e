import { TokenService } from '../../src/auth/token.service';
import type { TestApp } from './test-app';

/**
 * Access tokens for the residents of the 36 demo households, in household order (下岗胡同1号 …
 * 36号). Issued directly: 36 password checks through the login route would take most of a
 * minute on a shared machine, and logging in is tested on its own elsewhere.
 */
export async function residentTokens(t: TestApp): Promise<string[]> {
  const tokens = t.app.get(TokenService);
  const rows = await t.sql<{ id: string; association_id: string; household_id: string }>(
    `SELECT m.id, m.association_id, m.household_id
       FROM member m JOIN household h ON h.id = m.household_id
      WHERE m.role = 'resident' AND m.phone BETWEEN '13800000010' AND '13800000045'
      ORDER BY m.phone`,
  );
  return rows.map((m) =>
    tokens.issueAccessToken({
      memberId: m.id,
      associationId: m.association_id,
      role: 'resident',
      householdId: m.household_id,
      residentUnitId: null,
      readableAssociationIds: [m.association_id],
    }),
  );
}
