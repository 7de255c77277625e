import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';
import { type FieldErrors, VIOLATION_KINDS } from './council-api';

/** A labelled field: the label text above whatever input it names. */
export function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      {props.children}
    </label>
  );
}

/** The server's refusals of one field, shown beside it. */
export function Problems(props: { field: string; errors: FieldErrors }) {
  const problems = props.errors[props.field];
  if (!problems?.length) return null;
  return (
    <ul class="council-problems" role="alert" data-testid={`error-${props.field}`}>
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

/** One option per kind of violation, named as the ledger names it. */
export function ViolationKindOptions() {
  return (
    <>
      {VIOLATION_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`violation.${k}`)}
        </option>
      ))}
    </>
  );
}
