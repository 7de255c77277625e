/** A labelled input of the units and password forms (label tied by id for screen readers). */
export function FormField(props: {
  label: string;
  id: string;
  value: string;
  onInput: (value: string) => void;
  type?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  pattern?: string;
  inputMode?: 'numeric' | 'tel' | 'text';
  autocomplete?: string;
}) {
  const { label, id, value, onInput, autocomplete, ...input } = props;
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        data-testid={id}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        autocomplete={autocomplete ?? 'off'}
        {...input}
      />
    </div>
  );
}
