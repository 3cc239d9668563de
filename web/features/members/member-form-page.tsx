// Placeholder until the page lands (being written now); replaced, not kept.
export function MemberFormPage() {
  return <div>MemberFormPage</div>;
}
