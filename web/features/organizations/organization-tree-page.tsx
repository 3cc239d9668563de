// Placeholder until the page lands (being written now); replaced, not kept.
export function OrganizationTreePage() {
  return <div>OrganizationTreePage</div>;
}
