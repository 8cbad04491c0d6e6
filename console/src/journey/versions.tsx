import { useState } from 'preact/hooks';
import { api } from '../api';
import { ProblemBox, when } from '../ui';
import { DiffLine, diffLines, readable } from './diff';
import { Choice } from './fields';

/** The journey's versions, and a readable diff between two of them (or a version and the draft). */
export function VersionHistory(props: { path: string; versions: { version: number; publishedAt: string }[]; draft: unknown }) {
  const options: [string, string][] = [
    ...props.versions.map((v): [string, string] => [String(v.version), `version ${v.version} (${when(v.publishedAt)})`]),
    ['draft', 'the draft'],
  ];
  const last = props.versions.length ? String(props.versions[props.versions.length - 1].version) : 'draft';
  const [from, setFrom] = useState(props.versions.length > 1 ? String(props.versions[props.versions.length - 2].version) : last);
  const [to, setTo] = useState('draft');
  const [lines, setLines] = useState<DiffLine[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const doc = async (v: string) => (v === 'draft' ? props.draft : (await api.get(`${props.path}/versions/${v}`)).document);
  const compare = async () => {
    try {
      setError(null);
      const [a, b] = await Promise.all([doc(from), doc(to)]);
      setLines(diffLines(readable(a).trim(), readable(b).trim()));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="card" aria-label="Version history">
      <h2>Version history</h2>
      <ul>
        {props.versions.map((v) => (
          <li key={v.version}>
            version {v.version}, published {when(v.publishedAt)}
          </li>
        ))}
      </ul>
      <div class="row">
        <Choice label="Compare" value={from} options={options} onChange={(v) => setFrom(v ?? last)} />
        <Choice label="with" value={to} options={options} onChange={(v) => setTo(v ?? 'draft')} />
        <button type="button" onClick={compare}>
          Show changes
        </button>
      </div>
      <ProblemBox error={error} />
      {lines && (
        <pre class="diff" aria-label="Changes">
          {lines.every((l) => l.kind === ' ') ? 'No changes.' : lines.filter((l, i) => l.kind !== ' ' || near(lines, i)).map((l, i) => (
            <div key={i} class={l.kind === '+' ? 'add' : l.kind === '-' ? 'del' : ''}>
              {l.kind} {l.text}
            </div>
          ))}
        </pre>
      )}
    </section>
  );
}

/** Whether an unchanged line is within two lines of a change (context). */
function near(lines: DiffLine[], i: number): boolean {
  for (let d = -2; d <= 2; d++) if (lines[i + d] && lines[i + d].kind !== ' ') return true;
  return false;
}
