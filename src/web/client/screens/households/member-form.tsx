import { useState } from 'preact/hooks';
import { useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { refusalOf } from '../../permits/permits-api';
import { grantsCouncil } from '../../session.policy';
import {
  addMember,
  changeMember,
  HOUSEHOLD_ROLES,
  type HouseholdRole,
  type Member,
  type MemberFields,
} from './households-api';

const PHONE = /^1\d{10}$/;

/**
 * Adds a member to a household or changes one. Only changed fields are sent: the API decides
 * each by who may change it (associations.policy.ts), and the council's own role is not offered
 * to change. Making someone a council member is asked once more: it hands over everything.
 */
export function MemberForm(props: {
  householdId: string;
  member?: Member;
  /** the council member using the screen: their own role is another council member's to change */
  self: boolean;
  onSaved: (member: Member, created: boolean) => void;
  onCancel?: () => void;
}) {
  const { member } = props;
  const [fields, setFields] = useState<MemberFields>({
    name: member?.name ?? '',
    phone: member?.phone ?? '',
    role: roleOf(member),
    volunteer: member?.volunteer ?? false,
    partyMember: member?.partyMember ?? false,
    password: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();
  const set = <K extends keyof MemberFields>(key: K, value: MemberFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const phoneWrong = fields.phone !== '' && !PHONE.test(fields.phone);
  const prefix = member ? `member-edit` : 'member-add';

  async function save(event: Event) {
    event.preventDefault();
    if (!fields.name.trim() || phoneWrong || !fields.phone) {
      setError(phoneWrong || !fields.phone ? t('member.phoneInvalid') : null);
      return;
    }
    const changes = member ? changedFields(member, fields) : withoutEmptyPassword(fields);
    if (Object.keys(changes).length === 0) return setError(t('member.nothingChanged'));
    if (grantsCouncil(changes)) {
      const name = fields.name.trim();
      const yes = await ask({
        title: t('member.grantAdminTitle', { name }),
        body: <p>{t('member.grantAdminBody')}</p>,
        confirmLabel: t('member.grantAdminConfirm'),
      });
      if (!yes) return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = member
        ? await changeMember(member.id, changes)
        : await addMember(props.householdId, changes as MemberFields);
      props.onSaved(saved, !member);
      if (!member) setFields({ ...fields, name: '', phone: '', password: '' });
    } catch (failure) {
      setError(refusalOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form member-form" data-testid={`${prefix}-form`} onSubmit={(e) => void save(e)}>
      <label class="field">
        <span class="field-label">{t('member.name')}</span>
        <input
          value={fields.name}
          maxLength={60}
          required
          data-testid={`${prefix}-name`}
          onInput={(e) => set('name', e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('member.phone')}</span>
        <input
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          value={fields.phone}
          maxLength={11}
          required
          aria-invalid={phoneWrong ? 'true' : undefined}
          data-testid={`${prefix}-phone`}
          onInput={(e) => set('phone', e.currentTarget.value.replace(/\D/g, ''))}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('member.role')}</span>
        <select
          value={fields.role}
          disabled={props.self}
          data-testid={`${prefix}-role`}
          onChange={(e) => set('role', e.currentTarget.value as HouseholdRole)}
        >
          {HOUSEHOLD_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`member.role.${role}`)}
            </option>
          ))}
        </select>
        {props.self && <span class="field-hint">{t('member.self')}</span>}
      </label>
      <div class="member-flags">
        <label class="check">
          <input
            type="checkbox"
            checked={fields.volunteer}
            data-testid={`${prefix}-volunteer`}
            onChange={(e) => set('volunteer', e.currentTarget.checked)}
          />
          <span>{t('member.volunteer')}</span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={fields.partyMember}
            onChange={(e) => set('partyMember', e.currentTarget.checked)}
          />
          <span>{t('member.partyMember')}</span>
        </label>
      </div>
      {!member && (
        <label class="field">
          <span class="field-label">{t('member.password')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={fields.password}
            maxLength={200}
            data-testid={`${prefix}-password`}
            onInput={(e) => set('password', e.currentTarget.value)}
          />
          <span class="field-hint">{t('member.passwordHint')}</span>
        </label>
      )}
      {error && (
        <p class="form-error" role="alert" data-testid={`${prefix}-error`}>
          {error}
        </p>
      )}
      <div class="member-form-actions">
        {props.onCancel && (
          <button type="button" class="button button--secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button
          type="submit"
          class="button button--primary"
          disabled={busy}
          data-testid={`${prefix}-save`}
        >
          {busy ? t('member.saving') : member ? t('member.save') : t('member.add')}
        </button>
      </div>
      {dialog}
    </form>
  );
}

function roleOf(member?: Member): HouseholdRole {
  const role = member?.role;
  return HOUSEHOLD_ROLES.find((r) => r === role) ?? 'resident';
}

function withoutEmptyPassword(fields: MemberFields): Partial<MemberFields> {
  const { password, ...rest } = fields;
  return { ...rest, name: rest.name.trim(), ...(password ? { password } : {}) };
}

/** The fields that differ from the member as loaded (a masked phone left alone stays unsent). */
function changedFields(member: Member, fields: MemberFields): Partial<MemberFields> {
  const changes: Partial<MemberFields> = {};
  if (fields.name.trim() !== member.name) changes.name = fields.name.trim();
  if (fields.phone !== member.phone) changes.phone = fields.phone;
  if (fields.role !== roleOf(member)) changes.role = fields.role;
  if (fields.volunteer !== member.volunteer) changes.volunteer = fields.volunteer;
  if (fields.partyMember !== member.partyMember) changes.partyMember = fields.partyMember;
  return changes;
}
