/** A labelled input of the client's forms (label tied by id for screen readers), a hint below. */
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
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'text';
  autocomplete?: string;
  autocapitalize?: 'characters' | 'words' | 'sentences' | 'off';
  hint?: string;
}) {
  const { label, id, value, onInput, autocomplete, hint, ...input } = props;
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
      {hint && <p class="field-hint">{hint}</p>}
    </div>
  );
}
