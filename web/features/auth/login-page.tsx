// Placeholder until the page lands (being written now); replaced, not kept.
export function LoginPage() {
  return <div>LoginPage</div>;
}
