// The roles a member holds, for the server's guard and policies and the client's menus alike.
// Pure: no Nest, no DOM, no node builtins.

/** The roles a member of an association holds. */
export const ASSOCIATION_ROLES = ['admin', 'warden', 'resident', 'unit', 'viewer'] as const;
/** Every role: the association roles and street-office staff (街道), who belong to a street. */
export const ROLES = [...ASSOCIATION_ROLES, 'street'] as const;
export type Role = (typeof ROLES)[number];
export type AssociationRole = (typeof ASSOCIATION_ROLES)[number];
