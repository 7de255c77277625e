// Declared once for the server and the web client: src/shared/roles.ts.
export { ASSOCIATION_ROLES, type AssociationRole, type Role, ROLES } from '../shared/roles';
