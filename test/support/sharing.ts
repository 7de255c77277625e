import type { TestApp } from './test-app';

export interface StandingOfferInput {
  /** the car park's name; its address and size default to a garage of the demo unit */
  carPark: string;
  title: string;
  places: number;
  standingPlaces: number;
  totalSpaces?: number;
  monthlyFeeCny?: number;
  graceMinutes?: number;
  termsText?: string;
}

/**
 * A unit's new car park and an offer with standing places (月租) in it, every night from
 * 19:00 to 07:30; returns the offer's id.
 */
export async function standingOffer(
  t: TestApp,
  unitToken: string,
  input: StandingOfferInput,
): Promise<string> {
  const unit = t.as(unitToken);
  const park = await unit.post('/api/car-parks', {
    name: input.carPark,
    address: '金融街中心地下一层',
    totalSpaces: input.totalSpaces ?? 50,
  });
  if (park.status !== 201) throw new Error(`car park: ${park.status} ${park.text}`);
  const offer = await unit.post('/api/offers', {
    carParkId: park.body.id,
    title: input.title,
    places: input.places,
    standingPlaces: input.standingPlaces,
    monthlyFeeCny: input.monthlyFeeCny,
    graceMinutes: input.graceMinutes,
    termsText: input.termsText,
    validFrom: '2026-01-01',
    rules: [{ days: 'daily', from: '19:00', to: '07:30' }],
  });
  if (offer.status !== 201) throw new Error(`offer: ${offer.status} ${offer.text}`);
  return offer.body.id as string;
}

/** Residents of the demo association with a car, one per household, in a stable order. */
export function residentsWithCars(
  t: TestApp,
  limit: number,
): Promise<{ phone: string; vehicle_id: string }[]> {
  return t.sql(
    `SELECT DISTINCT ON (m.household_id) m.phone, v.id AS vehicle_id
       FROM member m JOIN association a ON a.id = m.association_id
       JOIN vehicle v ON v.household_id = m.household_id AND v.archived_at IS NULL
      WHERE a.name = '4143车友会' AND m.role = 'resident'
      ORDER BY m.household_id, m.phone, v.created_at LIMIT $1`,
    [limit],
  );
}

/** The resident registers their car for the offer's standing places; returns the registration. */
export async function registerForPlace(
  t: TestApp,
  phone: string,
  offerId: string,
  vehicleId: string,
): Promise<string> {
  const response = await t
    .as(await t.login(phone))
    .post(`/api/offers/${offerId}/allocations`, { vehicleId, acceptTerms: true });
  if (response.status !== 201) throw new Error(`registration: ${response.status} ${response.text}`);
  return response.body.id as string;
}
