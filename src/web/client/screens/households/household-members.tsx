import { useState } from 'preact/hooks';
import { useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { refusalOf } from '../../permits/permits-api';
import { changeMember, HOUSEHOLD_ROLES, type Member } from './households-api';
import { MemberForm } from './member-form';

/**
 * A household's members: each with role, phone and flags, changed in place; deactivating one
 * (logging them out at once) is asked first. The council's own account shows no deactivation:
 * the API refuses it (member.council_self), so the screen does not offer it.
 */
export function HouseholdMembers(props: {
  householdId: string;
  members: Member[];
  selfId: string;
  onChanged: (done: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  async function setActive(member: Member, active: boolean) {
    if (!active) {
      const yes = await ask({
        title: t('member.deactivateTitle', { name: member.name }),
        body: <p>{t('member.deactivateBody', { name: member.name })}</p>,
        confirmLabel: t('member.deactivate'),
        danger: true,
      });
      if (!yes) return;
    }
    setError(null);
    try {
      await changeMember(member.id, { active });
      props.onChanged(
        t(active ? 'member.reactivated' : 'member.deactivated', { name: member.name }),
      );
    } catch (failure) {
      setError(refusalOf(failure));
    }
  }

  return (
    <section class="card" aria-labelledby="household-members-title">
      <h2 class="card-title" id="household-members-title">
        {t('household.members', { count: props.members.length })}
      </h2>
      {props.members.length === 0 && <p class="hint">{t('household.noMembers')}</p>}
      <ul class="household-items">
        {props.members.map((member) => {
          const self = member.id === props.selfId;
          if (editing === member.id) {
            return (
              <li key={member.id} class="household-item household-item--editing">
                <h3>{t('member.editTitle', { name: member.name })}</h3>
                <MemberForm
                  householdId={props.householdId}
                  member={member}
                  self={self}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    setEditing(null);
                    props.onChanged(t('member.saved', { name: saved.name }));
                  }}
                />
              </li>
            );
          }
          return (
            <li
              key={member.id}
              class={`household-item${member.active ? '' : ' household-item--inactive'}`}
              data-testid="household-member"
            >
              <div>
                <p class="household-member-name">
                  {member.name}
                  <span class="household-member-role">{roleName(member)}</span>
                  {!member.active && (
                    <span class="household-member-inactive">{t('member.inactive')}</span>
                  )}
                </p>
                <p class="hint">
                  {[
                    member.phone,
                    member.volunteer ? t('member.volunteer') : null,
                    member.partyMember ? t('member.partyMember') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
              <div class="household-item-actions">
                <button
                  type="button"
                  class="button button--secondary"
                  data-testid="member-edit"
                  onClick={() => setEditing(member.id)}
                >
                  {t('member.edit')}
                </button>
                {!self && (
                  <button
                    type="button"
                    class="button button--ghost"
                    data-testid={member.active ? 'member-deactivate' : 'member-reactivate'}
                    onClick={() => void setActive(member, !member.active)}
                  >
                    {member.active ? t('member.deactivate') : t('member.reactivate')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="form-error" role="alert" data-testid="member-error">
          {error}
        </p>
      )}
      <details class="member-add" data-testid="member-add">
        <summary class="button button--secondary">{t('member.add')}</summary>
        <MemberForm
          householdId={props.householdId}
          self={false}
          onSaved={(saved) => props.onChanged(t('member.added', { name: saved.name }))}
        />
      </details>
      {dialog}
    </section>
  );
}

function roleName(member: Member): string {
  const role = HOUSEHOLD_ROLES.find((r) => r === member.role);
  return role ? t(`member.role.${role}`) : t(`role.${member.role}`);
}
