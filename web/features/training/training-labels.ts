import type { CourseKind } from '../../../common/contracts/training.contract.ts';

export const COURSE_KIND_COLOR: Record<CourseKind, string> = {
  party_awareness: 'red',
  new_member: 'volcano',
  political_theory: 'blue',
  resolution_study: 'geekblue',
  other: 'default',
};

/** Default certificate number suffix (the register of a political center): "125/GCN-TTCT". */
export const DEFAULT_CERTIFICATE_SUFFIX = 'GCN-TTCT';
