// Placeholder until the page lands (being written now); replaced, not kept.
export function OrganizationPage() {
  return <div>OrganizationPage</div>;
}
