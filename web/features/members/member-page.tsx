// Placeholder until the page lands (being written now); replaced, not kept.
export function MemberPage() {
  return <div>MemberPage</div>;
}
