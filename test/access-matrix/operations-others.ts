import { isCouncilOf, isResidentOf } from '../../src/auth/policy';
import type { Fixtures } from './fixtures';
import {
  anyCouncil,
  anyone,
  council,
  onDuty,
  type Operation,
  RANDOM,
  resident,
  type Rule,
  staff,
  theAssignedWarden,
  unitStaff,
} from './rules';

// Other features' writes, as their controllers and services decide today. Where the object
// named is made up (RANDOM) or its state decides (a vote not open yet), `loose` says so: the
// permitted roles must get past the access checks; everyone else must be refused, changing
// nothing.

const state = 'its state or schedule decides (open, pending, on duty…)';
const madeUp = 'no such object in the demo: permitted roles get past the role check to a 404';
const residentOwn: Rule = (a, fx) => isResidentOf(a, fx.association);
const councilOrResident: Rule = (a, fx) => council(a, fx) || residentOwn(a, fx);

export const OTHER_OPERATIONS: Record<string, Operation> = {
  // spaces
  'POST /api/lanes/{id}/spaces': {
    who: council,
    fields: 'code x y sizeClass householdId facingHouseholdIds objectionDays',
    path: (fx) => ({ id: fx.lane }),
    body: (fx) => ({
      code: `MX-${fx.next()}`,
      x: 200,
      y: 3,
      sizeClass: 'standard',
      householdId: fx.ownHousehold,
      facingHouseholdIds: [],
      objectionDays: 7,
    }),
    loose: 'the lane geometry decides where a space fits',
  },
  'POST /api/spaces/{id}/check-in': {
    who: staff,
    fields: 'plate sticker',
    path: (fx) => ({ id: fx.space }),
    // A resident checks in with the space's sticker token; this one is not it.
    body: () => ({ plate: '京A12345', sticker: '0'.repeat(32) }),
    loose: 'the space may be taken',
  },
  'POST /api/spaces/{id}/check-out': {
    who: (a, fx) => staff(a, fx) || residentOwn(a, fx),
    path: (fx) => ({ id: fx.space }),
    loose: 'the space may be free; a resident checks out only their own car',
  },
  'PATCH /api/spaces/{id}': {
    who: council,
    fields: 'x y sizeClass availability closedReason householdId',
    path: (fx) => ({ id: fx.space }),
    body: (fx) => ({ sizeClass: 'standard', availability: 'open', householdId: fx.ownHousehold }),
    loose: 'the lane geometry decides',
  },
  'POST /api/lanes/{id}/landmarks': {
    who: council,
    fields: 'kind label x y carParkId directions walkMinutes',
    path: (fx) => ({ id: fx.lane }),
    body: (fx) => ({
      kind: 'car_park',
      label: `车库指引${fx.next()}`,
      x: 100,
      y: 3,
      carParkId: fx.carPark,
      directions: '出西口右转约100米',
      walkMinutes: 3,
    }),
  },
  'PATCH /api/landmarks/{id}': {
    who: council,
    fields: 'kind label x y carParkId directions walkMinutes',
    path: (fx) => ({ id: fx.landmark }),
    body: (fx) => ({
      kind: 'landmark',
      label: `老槐树${fx.next()}`,
      x: 80,
      y: 3,
      directions: '',
      walkMinutes: 2,
    }),
  },
  'DELETE /api/landmarks/{id}': {
    who: council,
    path: (fx) => ({ id: fx.landmark }),
    phase: 'delete',
  },
  'PUT /api/lanes/{id}/segments': {
    who: council,
    fields: 'segments',
    path: (fx) => ({ id: fx.lane }),
    body: () => ({ segments: [{ fromM: 0, toM: 260, widthM: 6.5, clearPassageM: 4 }] }),
    loose: 'spaces already painted decide',
  },
  'POST /api/spaces/{id}/restrictions': {
    who: council,
    fields: 'from to days reason',
    path: (fx) => ({ id: fx.space }),
    body: () => ({ from: '07:00', to: '09:00', days: [1], reason: '矩阵' }),
  },
  'DELETE /api/spaces/{id}/restrictions/{restrictionId}': {
    who: council,
    path: (fx) => ({ id: fx.space, restrictionId: fx.restriction }),
    phase: 'delete',
    loose: 'the restriction may belong to another space',
  },
  'POST /api/spaces/{id}/objections': {
    who: resident,
    fields: 'reason',
    path: (fx) => ({ id: fx.space }),
    body: () => ({ reason: '矩阵异议' }),
    loose: 'only a household the space faces may object',
  },
  'POST /api/spaces/{id}/objections/{objectionId}/decision': {
    who: council,
    fields: 'decision reason',
    path: (fx) => ({ id: fx.space, objectionId: RANDOM }),
    body: () => ({ decision: 'dismissed', reason: '矩阵' }),
    loose: madeUp,
  },
  // conventions
  'POST /api/conventions/current/acknowledge': { who: onDuty },
  'POST /api/conventions/versions': {
    who: council,
    fields:
      'title articles parameters adoptionArticle ballot votingUnit quorum threshold abstentionsCountAsCast commentDays votingDays noticeDays proposedEffectiveFrom amendsVersionId',
    body: () => ({ title: '矩阵修订' }),
  },
  'PATCH /api/conventions/versions/{id}': {
    who: council,
    fields:
      'title articles parameters adoptionArticle ballot votingUnit quorum threshold abstentionsCountAsCast commentDays votingDays noticeDays proposedEffectiveFrom',
    path: (fx) => ({ id: fx.draftVersion }),
    body: () => ({ title: '矩阵修订二' }),
  },
  'POST /api/conventions/versions/{id}/open-comments': {
    who: council,
    path: (fx) => ({ id: fx.draftVersion }),
    loose: state,
  },
  'POST /api/conventions/versions/{id}/comments': {
    who: onDuty,
    fields: 'articleNumber text',
    path: (fx) => ({ id: fx.draftVersion }),
    body: () => ({ text: '矩阵意见' }),
    loose: state,
  },
  'POST /api/conventions/versions/{id}/comments/{commentId}/reply': {
    who: council,
    fields: 'text',
    path: (fx) => ({ id: fx.version, commentId: RANDOM }),
    body: () => ({ text: '矩阵答复' }),
    loose: madeUp,
  },
  'POST /api/conventions/versions/{id}/open-vote': {
    who: council,
    path: (fx) => ({ id: fx.draftVersion }),
    loose: state,
  },
  'POST /api/conventions/versions/{id}/votes': {
    who: councilOrResident,
    fields: 'choice',
    path: (fx) => ({ id: fx.draftVersion }),
    body: () => ({ choice: 'yes' }),
    loose: state,
  },
  'POST /api/conventions/versions/{id}/close-vote': {
    who: council,
    path: (fx) => ({ id: fx.draftVersion }),
    loose: state,
  },
  // rosters
  'POST /api/rosters/templates': {
    who: council,
    fields: 'name kind start durationMinutes weekdays minOnDuty laneIds',
    body: (fx) => ({
      name: `矩阵班${fx.next()}`,
      kind: 'warden',
      start: '16:00',
      durationMinutes: 240,
    }),
  },
  'POST /api/rosters/requirements': {
    who: council,
    fields: 'name kind weekdays from to people article',
    body: (fx) => requirement(`矩阵值守${fx.next()}`),
  },
  'PUT /api/rosters/requirements/{id}': {
    who: council,
    fields: 'name kind weekdays from to people article',
    path: (fx) => ({ id: fx.requirement }),
    body: (fx) => requirement(`矩阵值守改${fx.next()}`),
  },
  'DELETE /api/rosters/requirements/{id}': {
    who: council,
    path: (fx) => ({ id: fx.requirement }),
    phase: 'delete',
  },
  'POST /api/rosters/generate': {
    who: council,
    fields: 'from to',
    body: () => ({ from: '2030-02-01', to: '2030-02-03' }),
  },
  'POST /api/rosters/shifts': {
    who: council,
    fields: 'name kind from to minOnDuty',
    body: (fx) => ({
      name: `矩阵加班${fx.next()}`,
      kind: 'warden',
      from: '2030-03-01T10:00',
      to: '2030-03-01T12:00',
    }),
  },
  'POST /api/shifts/{id}/assignments': {
    who: council,
    fields: 'memberId',
    path: (fx) => ({ id: fx.shift }),
    body: (fx) => ({ memberId: fx.actors.warden.memberId }),
    loose: 'the warden may be assigned already',
  },
  'POST /api/shifts/{id}/sign-in': {
    who: theAssignedWarden,
    path: (fx) => ({ id: fx.shift }),
    loose: 'the shift starts in 2030',
  },
  'POST /api/shifts/{id}/sign-out': {
    who: theAssignedWarden,
    fields: 'handoverNote',
    path: (fx) => ({ id: fx.shift }),
    body: () => ({ handoverNote: '矩阵交接' }),
    loose: 'not signed in',
  },
  'POST /api/shifts/{id}/handover-notes': {
    who: (a, fx) => theAssignedWarden(a, fx) || council(a, fx),
    fields: 'body',
    path: (fx) => ({ id: fx.shift }),
    body: () => ({ body: '矩阵交接' }),
    loose: state,
  },
  'PATCH /api/shift-assignments/{id}': {
    who: council,
    fields: 'memberId',
    path: (fx) => ({ id: fx.assignment }),
    body: (fx) => ({ memberId: fx.actors.warden.memberId }),
    loose: state,
  },
  'DELETE /api/shift-assignments/{id}': {
    who: (a, fx) => theAssignedWarden(a, fx) || council(a, fx),
    path: (fx) => ({ id: fx.assignment }),
    phase: 'delete',
    loose: state,
  },
  'POST /api/shift-assignments/{id}/swap-offers': {
    who: theAssignedWarden,
    fields: 'note',
    path: (fx) => ({ id: fx.assignment }),
    body: () => ({ note: '矩阵' }),
    loose: state,
  },
  'POST /api/swaps/{id}/take': { who: onDuty, path: () => ({ id: RANDOM }), loose: madeUp },
  'POST /api/swaps/{id}/approve': { who: council, path: () => ({ id: RANDOM }), loose: madeUp },
  'POST /api/swaps/{id}/decline': { who: council, path: () => ({ id: RANDOM }), loose: madeUp },
  'POST /api/swaps/{id}/cancel': { who: onDuty, path: () => ({ id: RANDOM }), loose: madeUp },
  'POST /api/me/shifts/feed': { who: anyone, loose: 'only members who serve have shifts' },
  'POST /api/me/unavailability': {
    who: anyone,
    fields: 'from to reason',
    body: () => ({ from: '2030-04-01', to: '2030-04-02', reason: '矩阵' }),
    loose: 'only members who serve declare absences',
  },
  'DELETE /api/me/unavailability/{id}': {
    who: anyone,
    path: () => ({ id: RANDOM }),
    phase: 'delete',
    loose: madeUp,
  },
  // permits
  'POST /api/permits': {
    who: (a, fx) => council(a, fx) || (residentOwn(a, fx) && a.householdId === fx.ownHousehold),
    fields: 'vehicleId laneId validFrom validTo note',
    body: (fx) => ({ vehicleId: fx.ownVehicle, laneId: fx.lane, note: '矩阵' }),
    loose: 'the convention’s quota decides',
  },
  'POST /api/permits/{id}/approve': {
    who: council,
    fields: 'validFrom validTo',
    path: (fx) => ({ id: fx.pendingPermit }),
    body: () => ({}),
    loose: state,
  },
  'POST /api/permits/{id}/reject': {
    who: council,
    fields: 'reason',
    path: (fx) => ({ id: fx.pendingPermit }),
    body: () => ({ reason: '矩阵' }),
    loose: state,
  },
  'POST /api/permits/{id}/payment': {
    who: council,
    fields: 'amountCny method receiptNumber note',
    path: (fx) => ({ id: fx.activePermit }),
    body: () => ({ amountCny: 100, note: '矩阵' }),
    loose: state,
  },
  'POST /api/permits/{id}/renew': {
    who: council,
    fields: 'validTo',
    path: (fx) => ({ id: fx.activePermit }),
    body: () => ({ validTo: '2031-01-01T00:00:00+08:00' }),
    loose: state,
  },
  'POST /api/permits/{id}/suspend': {
    who: council,
    fields: 'reason until',
    path: (fx) => ({ id: fx.activePermit }),
    body: () => ({ reason: '矩阵', until: '2030-12-01T00:00:00+08:00' }),
    loose: state,
  },
  'POST /api/permits/{id}/reinstate': {
    who: council,
    fields: 'reason',
    path: (fx) => ({ id: fx.activePermit }),
    body: () => ({ reason: '矩阵' }),
    loose: state,
  },
  'POST /api/permits/{id}/revoke': {
    // A household withdraws only its visitor passes; this is a resident's permit.
    who: council,
    fields: 'reason',
    path: (fx) => ({ id: fx.activePermit }),
    body: () => ({ reason: '矩阵' }),
    phase: 'delete',
    loose: state,
  },
  'POST /api/permit-keys/rotate': { who: council },
  'DELETE /api/permit-keys/{kid}': {
    who: council,
    path: () => ({ kid: 'no-such-key' }),
    phase: 'delete',
    loose: madeUp,
  },
  'POST /api/scans': {
    who: staff,
    fields:
      'token permitNumber plate plateSeen laneId carParkId spaceLabel scannedAt idempotencyKey offline',
    body: (fx) => ({
      plate: '京A12345',
      plateSeen: '京A12345',
      laneId: fx.lane,
      idempotencyKey: `matrix-${fx.next()}`,
    }),
    loose: 'a scan records what was seen',
  },
  'POST /api/visitor-passes': {
    who: councilOrResident,
    fields: 'plate plateColor validFrom hours laneId note',
    body: (fx) => ({ plate: '京N6B217', hours: 6, laneId: fx.lane, note: '矩阵' }),
    loose: 'the convention’s monthly quota decides',
  },
  'POST /api/move-requests': {
    who: (a, fx) => staff(a, fx) || residentOwn(a, fx),
    fields: 'plate note',
    body: () => ({ plate: '京A12345', note: '矩阵' }),
    loose: 'only registered plates can be asked',
  },
  'POST /api/move-requests/{id}/answer': {
    who: (a, fx) => residentOwn(a, fx),
    fields: 'answer',
    path: () => ({ id: RANDOM }),
    body: () => ({ answer: 'coming' }),
    loose: madeUp,
  },
  // sharing
  'POST /api/car-parks': {
    who: unitStaff,
    fields: 'name address entranceNotes latitude longitude totalSpaces spaceCodes',
    body: (fx) => ({ name: `矩阵车库${fx.next()}`, totalSpaces: 5 }),
  },
  'POST /api/offers': {
    who: unitStaff,
    fields:
      'rules validTo blackoutDates eligibleAssociationIds eligibleLaneIds requiresLicenceOwner eligiblePlateColors graceMinutes monthlyFeeCny bookingDaysAhead termsText title carParkId places spaceCodes standingPlaces validFrom',
    body: (fx) => ({
      carParkId: fx.carPark,
      validFrom: '2030-01-01',
      rules: [{ days: 'daily', from: '19:00', to: '07:30' }],
      places: 1,
      title: '矩阵',
    }),
    loose: 'the car park’s places decide',
  },
  'PATCH /api/offers/{id}': {
    who: unitStaff,
    fields:
      'rules validTo blackoutDates eligibleAssociationIds eligibleLaneIds requiresLicenceOwner eligiblePlateColors graceMinutes monthlyFeeCny bookingDaysAhead termsText title places',
    path: (fx) => ({ id: fx.offer }),
    body: () => ({ title: '矩阵' }),
    loose: state,
  },
  'POST /api/offers/{id}/pause': { who: unitStaff, path: (fx) => ({ id: fx.offer }), loose: state },
  'POST /api/offers/{id}/resume': {
    who: unitStaff,
    path: (fx) => ({ id: fx.offer }),
    loose: state,
  },
  'POST /api/offers/{id}/end': {
    who: unitStaff,
    path: (fx) => ({ id: fx.offer }),
    phase: 'delete',
    loose: state,
  },
  'POST /api/offers/{id}/bookings': {
    who: (a, fx) => residentOwn(a, fx) && a.householdId === fx.ownHousehold,
    fields: 'date vehicleId acceptTerms termsHash',
    path: (fx) => ({ id: fx.offer }),
    body: (fx) => ({ date: '2030-01-07', vehicleId: fx.ownVehicle, acceptTerms: true }),
    loose: 'eligibility and terms decide',
  },
  'POST /api/offers/{id}/allocations': {
    who: (a, fx) => residentOwn(a, fx) && a.householdId === fx.ownHousehold,
    fields: 'vehicleId acceptTerms termsHash',
    path: (fx) => ({ id: fx.offer }),
    body: (fx) => ({ vehicleId: fx.ownVehicle, acceptTerms: true }),
    loose: 'eligibility and terms decide',
  },
  // finance (收支)
  'POST /api/finance/entries': {
    who: council,
    fields: 'amountCny category direction note occurredOn receiptNo',
    body: (fx) => ({
      direction: 'expense',
      category: 'paint',
      amountCny: 120.5,
      occurredOn: '2026-03-05',
      note: `矩阵油漆${fx.next()}`,
      receiptNo: 'NO.1',
    }),
  },
  'POST /api/offers/{id}/draws': {
    who: (a, fx) => unitStaff(a, fx) || council(a, fx),
    fields: 'kind',
    path: (fx) => ({ id: fx.offer }),
    body: () => ({ kind: 'admission' }),
    loose: 'one open draw per offer; nobody may be waiting',
  },
  'POST /api/offers/{id}/allocations/admit': {
    who: (a, fx) => unitStaff(a, fx) || council(a, fx),
    fields: 'count method',
    path: (fx) => ({ id: fx.offer }),
    body: () => ({ count: 1 }),
    loose: state,
  },
  'DELETE /api/bookings/{id}': {
    who: (a, fx) => residentOwn(a, fx) || unitStaff(a, fx),
    path: () => ({ id: RANDOM }),
    phase: 'delete',
    loose: madeUp,
  },
  'POST /api/bookings/{id}/arrive': {
    who: (a, fx) => residentOwn(a, fx) || unitStaff(a, fx),
    path: () => ({ id: RANDOM }),
    loose: madeUp,
  },
  'POST /api/bookings/{id}/leave': {
    who: (a, fx) => residentOwn(a, fx) || unitStaff(a, fx),
    path: () => ({ id: RANDOM }),
    loose: madeUp,
  },
  'DELETE /api/allocations/{id}': {
    who: (a, fx) => residentOwn(a, fx) || unitStaff(a, fx) || council(a, fx),
    path: () => ({ id: RANDOM }),
    phase: 'delete',
    loose: madeUp,
  },
  'PUT /api/allocations/{id}/priority': {
    // Only the council of the registration's association; a made-up one is a 404 past the role.
    who: anyCouncil,
    fields: 'tier',
    path: () => ({ id: RANDOM }),
    body: () => ({ tier: 'disability' }),
    loose: madeUp,
  },
  'POST /api/allocations/{id}/payments': {
    // The council keeps the accounts; a unit lends the place but does not take its fees here.
    who: council,
    fields: 'amountCny method receiptNumber note',
    path: () => ({ id: RANDOM }),
    body: () => ({ amountCny: 150, method: 'wechat', note: '矩阵' }),
    loose: madeUp,
  },
  'PUT /api/holiday-calendar/{year}': {
    // One calendar for every association: any council keeps it.
    who: anyCouncil,
    fields: 'days',
    path: () => ({ year: '2031' }),
    body: () => ({ days: [{ date: '2031-10-01', kind: 'holiday', name: '国庆节' }] }),
  },
  // violations
  'POST /api/violations': {
    who: staff,
    fields: 'kind plate place occurredAt articleNumber photo note outcome',
    body: () => ({ kind: 'no_permit', plate: '京A12345', place: '矩阵口' }),
    loose: 'the convention may ask for wardens on duty',
  },
  'POST /api/persuasions': {
    who: staff,
    fields: 'plate place note outcome occurredAt',
    body: () => ({ plate: '京A12345', place: '矩阵口', note: '矩阵', outcome: 'moved' }),
  },
  'POST /api/persuasions/guidance': {
    who: staff,
    fields: 'place',
    body: () => ({ place: '矩阵口' }),
  },
  'POST /api/persuasions/{id}/photos': {
    who: staff,
    fields: 'photo',
    path: () => ({ id: RANDOM }),
    // The smallest JPEG the photo check accepts: SOI, then the start of scan.
    body: () => ({ photo: 'data:image/jpeg;base64,/9j/2gAEAAA=' }),
    loose: madeUp,
  },
  'POST /api/violations/{id}/appeal': {
    who: councilOrResident,
    fields: 'reason',
    path: (fx: Fixtures) => ({ id: fx.violation }),
    body: () => ({ reason: '矩阵' }),
    loose: 'only the household recorded appeals, once',
  },
  'POST /api/violations/{id}/decision': {
    who: (a, fx) => isCouncilOf(a, fx.association),
    fields: 'decision note',
    path: (fx: Fixtures) => ({ id: fx.violation }),
    body: () => ({ decision: 'upheld', note: '矩阵' }),
    loose: state,
  },
  // residents' vehicle changes (登记审核)
  'POST /api/vehicle-changes': {
    who: residentOwn,
    fields: 'vehicleId plate plateColor',
    body: (fx) => ({
      vehicleId: fx.ownVehicle,
      plate: `京M8${String(fx.next()).padStart(4, '0')}`,
    }),
  },
  'POST /api/vehicle-changes/{id}/approve': {
    who: council,
    fields: 'note',
    path: () => ({ id: RANDOM }),
    body: () => ({ note: '矩阵' }),
    loose: madeUp,
  },
  'POST /api/vehicle-changes/{id}/refuse': {
    who: council,
    fields: 'note',
    path: () => ({ id: RANDOM }),
    body: () => ({ note: '矩阵' }),
    loose: madeUp,
  },
};

/** A weekend patrol resting on article 8 (文明劝导) of the demo convention. */
function requirement(name: string) {
  return {
    name,
    kind: 'volunteer',
    weekdays: [6],
    from: '10:00',
    to: '12:00',
    people: 1,
    article: 8,
  };
}
