// Pieces every form repeats: a labelled text input, the <option>s of a list, a message line.
/** A labelled input (class "field") whose value is a string held by the caller. */
export function TextField({
  label,
  value,
  onValue,
  password = false,
  ...input
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  name?: string;
  password?: boolean;
  autoComplete?: string;
  autoCapitalize?: 'off';
  required?: boolean;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      {password ? (
        <input {...input} type="password" value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      ) : (
        <input {...input} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      )}
    </label>
  );
}

/** One <option> per entry, after an "all"/"none" choice with the empty value when given. */
export function Options({ items, empty }: { items: ReadonlyArray<{ id: string; name: string }> | undefined; empty?: string }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {items?.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );
}

/** A message that is shown only while there is one: an error by default, or a status note. */
export function Message({ text, class: cls = 'form-error' }: { text: string | null | undefined | false; class?: string }) {
  if (!text) return null;
  return (
    <p class={cls} role={cls === 'form-error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
