import { Typography } from 'antd';
import { Link } from 'react-router';
import type { OrganizationRef } from '../../../../common/contracts/organizations.contract.ts';

/** An organization named by a link to its page; the page's own organization is plain bold text. */
export function OrganizationLink({ org, currentId }: { org: Pick<OrganizationRef, 'id' | 'name'>; currentId?: number }) {
  if (org.id === currentId) return <Typography.Text strong>{org.name}</Typography.Text>;
  return <Link to={`/organizations/${org.id}`}>{org.name}</Link>;
}
