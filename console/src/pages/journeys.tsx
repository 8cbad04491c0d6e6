import { useState } from 'preact/hooks';
import { api, seg } from '../api';
import { JourneyEditor } from '../journey/editor';
import { Text } from '../journey/fields';
import { go, href } from '../router';
import { ProblemBox, useLoad, when } from '../ui';

interface JourneySummary {
  id: string;
  state: string;
  name: string | null;
  liveVersion: number | null;
  updatedAt: string;
}

interface Row extends JourneySummary {
  entered: number;
  inProgress: number;
  goalReached: number;
  conversion: number | null;
  holdoutConversion: number | null;
  publishedAt: string | null;
}

export function JourneysPage({ route }: { route: string[] }) {
  if (route[0]) return <JourneyEditor key={route[0]} id={route[0]} />;
  return <JourneyList />;
}

const pct = (r: number | null) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);

async function rows(): Promise<Row[]> {
  const { journeys } = await api.get<{ journeys: JourneySummary[] }>('/v1/journeys');
  return Promise.all(
    journeys.map(async (j) => {
      const path = `/v1/journeys/${seg(j.id)}`;
      const [stats, view] = await Promise.all([api.get(`${path}/stats`).catch(() => null), api.get(path).catch(() => null)]);
      const versions: any[] = stats?.versions ?? [];
      const sum = (k: string) => versions.reduce((n, v) => n + (v[k] ?? 0), 0);
      const entered = sum('entered');
      const heldOut = sum('heldOut');
      const goalHeldOut = versions.reduce((n, v) => n + (v.holdoutConversionRate ?? 0) * (v.heldOut ?? 0), 0);
      return {
        ...j,
        entered,
        inProgress: sum('waiting'),
        goalReached: sum('goalReached'),
        conversion: entered ? sum('goalReached') / entered : null,
        holdoutConversion: heldOut ? goalHeldOut / heldOut : null,
        publishedAt: view?.live?.publishedAt ?? null,
      };
    }),
  );
}

function JourneyList() {
  const { data, error } = useLoad(rows, []);
  const [id, setId] = useState('');
  return (
    <section>
      <h1>Journeys</h1>
      <ProblemBox error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">State</th>
            <th scope="col">Version</th>
            <th scope="col">Entries</th>
            <th scope="col">In progress</th>
            <th scope="col">Goal reached</th>
            <th scope="col">Conversion (holdout)</th>
            <th scope="col">Last published</th>
          </tr>
        </thead>
        <tbody>
          {data?.map((j) => (
            <tr key={j.id}>
              <td>
                <a href={href('journeys', j.id)}>{j.name ?? j.id}</a>
                <div class="muted">{j.id}</div>
              </td>
              <td>{j.state.toLowerCase()}</td>
              <td>{j.liveVersion ?? '—'}</td>
              <td>{j.entered}</td>
              <td>{j.inProgress}</td>
              <td>{j.goalReached}</td>
              <td>
                {pct(j.conversion)} ({pct(j.holdoutConversion)})
              </td>
              <td>{when(j.publishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.length === 0 && <p class="muted">No journeys yet.</p>}
      <form
        class="card row"
        aria-label="New journey"
        onSubmit={(e) => {
          e.preventDefault();
          if (id) go('journeys', id);
        }}
      >
        <Text label="New journey id (a-z, 0-9, -)" name="new-journey" value={id} onInput={(v) => setId(v ?? '')} />
        <button type="submit">Create journey</button>
      </form>
    </section>
  );
}
