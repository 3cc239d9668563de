import type { Role } from '../../common/contracts/auth.contract.ts';

/** How far an actor's grant reaches for the action at hand (policy.ts decides it per route). */
export type Reach = 'subtree' | 'self';

/** Who acts; passed to services instead of HTTP objects (architecture principle 1). */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  organizationId: number;
  /** Current materialized path of the actor's organization: the subtree the actor may see. */
  orgPath: string;
  personId: number | null;
  reach: Reach;
}

/** What an audit row needs to know about the request, with or without a logged-in actor. */
export interface RequestContext {
  requestId: string;
  actor: Actor | null;
  /** The time of the request; services never read the clock (principle 6). */
  now: Date;
}
