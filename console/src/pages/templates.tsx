export function TemplatesPage(_props: { route: string[] }) {
  return <h1>Templates</h1>;
}
