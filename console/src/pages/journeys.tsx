import { api, seg } from '../api';
import { href } from '../router';
import { ProblemBox, useLoad, when } from '../ui';

interface JourneySummary {
  id: string;
  state: string;
  name: string | null;
  liveVersion: number | null;
  updatedAt: string;
}

export function JourneysPage({ route }: { route: string[] }) {
  if (route[0]) return <h1>Journey {route[0]}</h1>;
  return <JourneyList />;
}

function JourneyList() {
  const { data, error } = useLoad(
    () => api.get<{ journeys: JourneySummary[] }>('/v1/journeys'),
    [],
  );
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
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {data?.journeys.map((j) => (
            <tr key={j.id}>
              <td>
                <a href={href('journeys', j.id)}>{j.name ?? j.id}</a>
              </td>
              <td>{j.state}</td>
              <td>{j.liveVersion ?? '—'}</td>
              <td>{when(j.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export const journeyPath = (id: string) => `/v1/journeys/${seg(id)}`;
