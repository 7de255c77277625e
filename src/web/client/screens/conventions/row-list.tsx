import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';

/** The button that drops one row of a list the council edits. */
export function RemoveButton(props: { onClick: () => void }) {
  return (
    <button type="button" class="button button--secondary council-remove" onClick={props.onClick}>
      {t('conventionCouncil.remove')}
    </button>
  );
}

/**
 * A list of rows edited in place: each row's inputs, a remove button per row and an add button
 * below. `renderRow` draws one row's inputs and changes it through `update`.
 */
export function RowList<R>(props: {
  rows: R[];
  onChange: (rows: R[]) => void;
  /** the row the add button appends */
  blank: R;
  addLabel: string;
  renderRow: (row: R, index: number, update: (patch: Partial<R>) => void) => ComponentChildren;
}) {
  const { rows, onChange } = props;
  return (
    <>
      {rows.map((row, i) => {
        const update = (patch: Partial<R>) => {
          const next = [...rows];
          next[i] = { ...row, ...patch };
          onChange(next);
        };
        return (
          <div class="council-row" key={i}>
            {props.renderRow(row, i, update)}
            <RemoveButton onClick={() => onChange(rows.filter((_, j) => j !== i))} />
          </div>
        );
      })}
      <button
        type="button"
        class="button button--secondary"
        onClick={() => onChange([...rows, { ...props.blank }])}
      >
        {props.addLabel}
      </button>
    </>
  );
}
