export function SegmentsPage(_props: { route: string[] }) {
  return <h1>Segments</h1>;
}
