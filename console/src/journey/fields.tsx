import { Field } from '../ui';

/** Messages for a JSON Pointer and the pointers under it. */
export type ErrorsAt = (pointer: string, exact?: boolean) => string[];

export function Text(props: {
  label: string;
  value: any;
  onInput: (v: string | undefined) => void;
  errors?: string[];
  placeholder?: string;
  name?: string;
}) {
  return (
    <Field label={props.label} errors={props.errors}>
      {(id, describedBy) => (
        <input
          id={id}
          name={props.name}
          value={props.value ?? ''}
          placeholder={props.placeholder}
          aria-invalid={props.errors?.length ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(e) => props.onInput((e.target as HTMLInputElement).value || undefined)}
        />
      )}
    </Field>
  );
}

export function Choice(props: {
  label: string;
  value: any;
  options: [string, string][];
  onChange: (v: string | undefined) => void;
  errors?: string[];
  name?: string;
}) {
  return (
    <Field label={props.label} errors={props.errors}>
      {(id, describedBy) => (
        <select
          id={id}
          name={props.name}
          value={props.value ?? ''}
          aria-invalid={props.errors?.length ? 'true' : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange((e.target as HTMLSelectElement).value || undefined)}
        >
          {props.options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Check(props: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label class="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)} />{' '}
      {props.label}
    </label>
  );
}

/** A literal typed as text: numbers and true/false become JSON values, the rest stays text. */
export function literal(text: string | undefined): any {
  if (text === undefined) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

export const FILTER_OPS = ['equals', 'notEquals', 'contains', 'startsWith', 'greaterThan', 'lessThan', 'exists', 'in'];

/** A list of `{field, op, value}` filters. */
export function Filters(props: {
  legend: string;
  value: any[] | undefined;
  base: string;
  errorsAt: ErrorsAt;
  onChange: (v: any[] | undefined) => void;
}) {
  const list = props.value ?? [];
  const set = (i: number, k: string, v: any) => {
    const next = list.map((f, j) => (j === i ? { ...f, [k]: v } : f));
    next.forEach((f) => f[k] === undefined && delete f[k]);
    props.onChange(next);
  };
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {list.map((f, i) => (
        <div class="filter" key={i}>
          <Text label={`Field ${i + 1}`} value={f.field} errors={props.errorsAt(`${props.base}/${i}/field`)} onInput={(v) => set(i, 'field', v)} placeholder="properties.price" />
          <Choice label={`Operator ${i + 1}`} value={f.op} options={FILTER_OPS.map((o) => [o, o])} errors={props.errorsAt(`${props.base}/${i}/op`)} onChange={(v) => set(i, 'op', v)} />
          <Text label={`Value ${i + 1}`} value={f.value === undefined ? '' : String(f.value)} errors={props.errorsAt(`${props.base}/${i}/value`)} onInput={(v) => set(i, 'value', literal(v))} />
          <button type="button" onClick={() => props.onChange(list.filter((_, j) => j !== i).length ? list.filter((_, j) => j !== i) : undefined)}>
            Remove filter {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => props.onChange([...list, { field: '', op: 'equals', value: '' }])}>
        Add filter
      </button>
    </fieldset>
  );
}
