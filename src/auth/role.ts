export const ROLES = ['admin', 'warden', 'resident', 'unit', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
