import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import { Spinner } from '../ui';

/** The plate of a car, typed in capitals: the car in the way, or a guest's car. */
export function PlateField(props: {
  label: string;
  value: string;
  onInput: (plate: string) => void;
  testid: string;
}) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      <input
        class="plate-input"
        value={props.value}
        required
        minLength={5}
        maxLength={20}
        autoCapitalize="characters"
        placeholder={t('map.platePlaceholder')}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        data-testid={props.testid}
      />
    </label>
  );
}

/** A short optional note (200 characters at most) sent along with the request. */
export function NoteField(props: {
  label: string;
  placeholder: string;
  value: string;
  onInput: (note: string) => void;
  testid?: string;
}) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      <input
        value={props.value}
        maxLength={200}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        data-testid={props.testid}
      />
    </label>
  );
}

/** Why the server refused the form, when it did; then the submit button, busy while sending. */
export function FormFooter(props: {
  refusal: string | null;
  refusalTestid?: string;
  busy: boolean;
  submitTestid: string;
  children: ComponentChildren;
}) {
  return (
    <>
      {props.refusal && (
        <p class="form-error" role="alert" data-testid={props.refusalTestid}>
          {props.refusal}
        </p>
      )}
      <button
        type="submit"
        class="button button--primary"
        disabled={props.busy}
        data-testid={props.submitTestid}
      >
        {props.busy && <Spinner />}
        {props.children}
      </button>
    </>
  );
}
