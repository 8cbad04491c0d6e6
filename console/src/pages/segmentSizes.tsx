import { api } from '../api';
import { ProblemBox, useLoad } from '../ui';

interface Sizes {
  segmentId: string;
  sizes: { day: string; size: number }[];
}

/** A segment's size at the end of each of the last 30 days (GET /v1/segments/{id}/sizes), as bars. */
export function SegmentSizes({ id }: { id: string }) {
  const { data, error } = useLoad(() => api.get<Sizes>(`/v1/segments/${encodeURIComponent(id)}/sizes?days=30`), [id]);
  const sizes = data?.sizes ?? [];
  const max = Math.max(1, ...sizes.map((s) => s.size));
  return (
    <div aria-label="Size over time">
      <h2>Size over the last 30 days</h2>
      <ProblemBox error={error} />
      <table class="sizes" aria-label="Size at the end of each day">
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Members</th>
          </tr>
        </thead>
        <tbody>
          {sizes
            .slice()
            .reverse()
            .filter((s, i) => i < 7 || s.size !== 0)
            .map((s) => (
              <tr key={s.day}>
                <td>{s.day}</td>
                <td>
                  <span class="bar" style={{ width: `${Math.round((s.size / max) * 100)}%` }} aria-hidden="true" />{' '}
                  {s.size}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
