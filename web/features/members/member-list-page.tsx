// Placeholder until the page lands (being written now); replaced, not kept.
export function MemberListPage() {
  return <div>MemberListPage</div>;
}
