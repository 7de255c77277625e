import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/domain-error';

// What each roster constraint means to the council, so a refusal says what to do.
const CONFLICTS: Record<string, string> = {
  shift_assignment_no_overlap:
    '该成员在此时段已有其他班次 / this member is already on an overlapping shift',
  shift_assignment_shift_member_key: '该成员已在此班次 / this member is already on this shift',
  duty_shift_template_start_key:
    '此时段已排过班 / a roster was already generated for part of this period',
  shift_template_name_key: '班次模板名称已存在 / a shift template with this name exists',
  shift_swap_open_key: '此班次已在换班中 / this shift is already offered for a swap',
};

/** Runs a write and turns a broken roster constraint into a clear 409. */
export async function withRosterConstraints<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw rosterConflict(error) ?? error;
  }
}

export function rosterConflict(error: unknown): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const constraint = (error.driverError as { constraint?: string }).constraint ?? '';
  const message = CONFLICTS[constraint];
  return message ? DomainError.conflict(message, { constraint }) : null;
}
