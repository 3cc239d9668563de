// Placeholder until the page lands (being written now); replaced, not kept.
export function UsersPage() {
  return <div>UsersPage</div>;
}
