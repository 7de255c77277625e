import type { Actor } from '../../src/auth/actor';
import {
  isCouncil,
  isCouncilOf,
  isOfHousehold,
  isResidentOf,
  isStaffOf,
  isStaffOfUnit,
  isStreetStaff,
  isStreetStaffOf,
} from '../../src/auth/policy';
import type { Fixtures, Who } from './fixtures';

export type Rule = (actor: Actor, fx: Fixtures) => boolean;

/**
 * One write operation of the OpenAPI document, and who may do it. `fields` names every field of
 * its body (the test compares them with the document, so a new field cannot slip in unnoticed);
 * a field whose rule differs from the operation's has its own in `fieldRules`, and is tried
 * alone. `loose` says why a permitted role may still meet a refusal about the object (a state, a
 * schedule): such an attempt must get past the role and policy checks, not necessarily succeed.
 */
export interface Operation {
  who: Rule;
  fields?: string;
  fieldRules?: Record<string, Rule>;
  path?: (fx: Fixtures, who: Who) => Record<string, string>;
  body?: (fx: Fixtures, who: Who, field?: string) => object;
  csv?: (fx: Fixtures) => string;
  /** Permitted attempts that destroy their object run after the others; session-ending ones last. */
  phase?: 'delete' | 'session';
  fieldPhase?: Record<string, 'session'>;
  loose?: string;
}

export const RANDOM = '00000000-0000-4000-8000-00000000beef';
export const council: Rule = (a, fx) => isCouncilOf(a, fx.association);
export const staff: Rule = (a, fx) => isStaffOf(a, fx.association);
export const resident: Rule = (a, fx) => isResidentOf(a, fx.association);
export const unitStaff: Rule = (a, fx) => isStaffOfUnit(a, fx.unit);
/** Any member of an association: routes without @Roles serve the association roles. */
export const anyone: Rule = (a) => !isStreetStaff(a);
/** Every role, street-office staff included (logging out). */
export const everyRole: Rule = () => true;
/** The street office of the fixtures' association (金融街街道). */
export const streetOfAssociation: Rule = (a) => isStreetStaffOf(a, '金融街街道');
export const anyStreetStaff: Rule = (a) => isStreetStaff(a);
export const onDuty: Rule = (a, fx) => staff(a, fx) || resident(a, fx);
export const theAssignedWarden: Rule = (a, fx) => a.memberId === fx.actors.warden.memberId;
export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const plate = (fx: Fixtures) => `京M${pad(10000 + fx.next(), 5)}`;

export const anyCouncil: Rule = (a) => isCouncil(a);
export const ofHousehold = (a: Actor, householdId: string) => isOfHousehold(a, householdId);
