// The convention's vehiclesPerHousehold (article 3 of 下岗胡同's: 每户限一辆车): how many of a
// household's cars may hold a place at once. Each feature counts its own places (resident
// permits, a waiting list, cars checked in) under the household's lock and asks here.
import { DomainError } from '../common/domain-error';
import type { Params } from '../shared/i18n';
import type { RulesInForce } from './convention-parameters';

export type VehicleQuotaReason =
  | 'permit.vehicles_per_household'
  | 'allocation.vehicles_per_household'
  | 'check_in.vehicles_per_household';

/** The limit in force and the article that sets it (null under the defaults): screens show it. */
export function vehicleQuotaOf(rules: RulesInForce): { limit: number; article: number | null } {
  return {
    limit: rules.parameters.vehiclesPerHousehold,
    article: rules.articleFor('vehiclesPerHousehold')?.number ?? null,
  };
}

/**
 * Refuses when `otherCars` (the household's other cars already holding such a place) leave no
 * room for one more; the refusal names the limit and the article that sets it.
 */
export function assertVehicleQuota(
  rules: RulesInForce,
  otherCars: number,
  reason: VehicleQuotaReason,
  params: Params = {},
): void {
  const { limit, article } = vehicleQuotaOf(rules);
  if (otherCars < limit) return;
  throw new DomainError(reason, { ...params, limit, article });
}
