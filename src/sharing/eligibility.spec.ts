import {
  eligibilityOf,
  firstMissed,
  missedReasons,
  type OfferConditions,
  type ResidentFacts,
  type VehicleFacts,
} from './eligibility';

const A = 'association-a';
const LANE = 'lane-1';
const open: OfferConditions = {
  eligibleAssociationIds: [A],
  eligibleLaneIds: [],
  requiresLicenceOwner: false,
  eligiblePlateColors: [],
};
const resident: ResidentFacts = {
  isResident: true,
  householdId: 'h1',
  associationId: A,
  laneId: LANE,
};
const car = (id: string, over: Partial<VehicleFacts> = {}): VehicleFacts => ({
  id,
  plateColor: 'blue',
  licenceChecked: true,
  licenceOwnerInHousehold: true,
  ...over,
});

describe('eligibility as data', () => {
  it('an offer stating only its associations asks a resident, a household and a car', () => {
    const e = eligibilityOf(open, resident, [car('v1')]);
    expect(e.eligible).toBe(true);
    expect(e.conditions.map((c) => c.condition)).toEqual(['resident', 'association', 'vehicle']);
    expect(e.vehicles).toEqual([{ vehicleId: 'v1', eligible: true, conditions: [] }]);
  });

  it.each([
    [{ isResident: false }, 'booking.resident_only'],
    [{ householdId: null }, 'booking.no_household'],
    [{ associationId: 'association-b' }, 'booking.association_not_eligible'],
  ] as const)('a resident %j misses with %s', (facts, reason) => {
    const e = eligibilityOf(open, { ...resident, ...facts }, [car('v1')]);
    expect(e.eligible).toBe(false);
    expect(firstMissed(e, 'v1')).toBe(reason);
  });

  it('a household without a car misses the car condition, and no car can be eligible', () => {
    const e = eligibilityOf(open, resident, []);
    expect(e.eligible).toBe(false);
    expect(missedReasons(e)).toEqual(['booking.no_vehicle']);
  });

  it('lanes: a household registered elsewhere, or nowhere, misses', () => {
    const offer = { ...open, eligibleLaneIds: [LANE] };
    expect(eligibilityOf(offer, resident, [car('v1')]).eligible).toBe(true);
    for (const laneId of ['lane-2', null]) {
      const e = eligibilityOf(offer, { ...resident, laneId }, [car('v1')]);
      expect(e.conditions.find((c) => c.condition === 'lane')).toEqual({
        condition: 'lane',
        met: false,
        reason: 'booking.lane_not_eligible',
      });
    }
  });

  it('licence owner: unchecked and not of the household are two different refusals', () => {
    const offer = { ...open, requiresLicenceOwner: true };
    const e = eligibilityOf(offer, resident, [
      car('ok'),
      car('unchecked', { licenceChecked: false, licenceOwnerInHousehold: false }),
      car('stranger', { licenceOwnerInHousehold: false }),
    ]);
    expect(e.eligible).toBe(true);
    expect(firstMissed(e, 'ok')).toBeNull();
    expect(firstMissed(e, 'unchecked')).toBe('booking.licence_owner_unchecked');
    expect(firstMissed(e, 'stranger')).toBe('booking.licence_owner_not_household');
  });

  it('plate colour: only the colours listed (new-energy green)', () => {
    const offer = { ...open, eligiblePlateColors: ['green' as const] };
    const e = eligibilityOf(offer, resident, [car('blue'), car('green', { plateColor: 'green' })]);
    expect(firstMissed(e, 'blue')).toBe('booking.plate_color_not_eligible');
    expect(firstMissed(e, 'green')).toBeNull();
    expect(e.eligible).toBe(true);
  });

  it('every condition missed is listed, the household first, then the nearest car', () => {
    const offer: OfferConditions = {
      eligibleAssociationIds: ['association-b'],
      eligibleLaneIds: ['lane-9'],
      requiresLicenceOwner: true,
      eligiblePlateColors: ['green'],
    };
    const e = eligibilityOf(offer, resident, [
      car('v1', { licenceChecked: false, licenceOwnerInHousehold: false }),
      car('v2', { plateColor: 'green', licenceOwnerInHousehold: false }),
    ]);
    expect(missedReasons(e)).toEqual([
      'booking.association_not_eligible',
      'booking.lane_not_eligible',
      'booking.licence_owner_not_household',
    ]);
    // A car's own conditions being met does not make it eligible when the household's are not.
    expect(e.vehicles.every((v) => !v.eligible)).toBe(true);
  });
});
