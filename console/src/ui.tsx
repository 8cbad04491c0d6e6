import { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from './api';

/** Loads with `load` whenever `deps` change; `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && (setData(d), setError(undefined)),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((t) => t + 1) };
}

/** A problem the API answered, in words: title, detail and each field named. */
export function ProblemBox({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiProblem) {
    return (
      <div class="problem" role="alert">
        <strong>{error.title}</strong> {error.detail}
        {error.errors.length > 0 && (
          <ul>
            {error.errors.map((e) => (
              <li key={e.field + e.message}>
                <code>{e.field || '(document)'}</code>: {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div class="problem" role="alert">
      {String((error as Error)?.message ?? error)}
    </div>
  );
}

let ids = 0;
export function useId(prefix: string): string {
  const [id] = useState(() => `${prefix}-${++ids}`);
  return id;
}

/** A labelled control with the API's messages for its field shown under it. */
export function Field(props: {
  label: string;
  errors?: string[];
  children: (id: string, describedBy?: string) => ComponentChildren;
}) {
  const id = useId('f');
  const errId = id + '-err';
  const errors = props.errors ?? [];
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children(id, errors.length ? errId : undefined)}
      {errors.length > 0 && (
        <div id={errId} class="field-error" role="alert">
          {errors.join('; ')}
        </div>
      )}
    </div>
  );
}

export function when(at: string | null | undefined): string {
  if (!at) return '—';
  return at.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}
