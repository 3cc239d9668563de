import type { FrontRating, ViolationKind } from '../../../common/contracts/conduct.contract.ts';

/** Tag colours: the same scale as the residence opinion's (grading-labels RESIDENCE_TAG). */
export const FRONT_RATING_TAG: Record<FrontRating, string> = { good: 'green', average: 'default', low: 'red' };

export const VIOLATION_KIND_TAG: Record<ViolationKind, string> = { state_discipline: 'orange', law_violation: 'volcano' };

/** Party discipline is the heaviest of the three: red; a pending referral is amber. */
export const PARTY_DISCIPLINE_TAG = { concluded: 'red', pending: 'gold' } as const;
