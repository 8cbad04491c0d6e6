export function PeoplePage(_props: { route: string[] }) {
  return <h1>People</h1>;
}
