// Placeholder until the page lands (being written now); replaced, not kept.
export function AppShell() {
  return <div>AppShell</div>;
}
