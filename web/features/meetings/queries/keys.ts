import type { ComplianceQuery } from '../../../../common/contracts/meetings.contract.ts';

/**
 * Everything party life shows lives under one root ('party-life', shared with web/features/party-life), so any change
 * (attendance, an exemption that changes who is expected, an assignment) refreshes every view that could show it.
 */
export const partyLifeRoot = ['party-life'] as const;

export const meetingKeys = {
  all: partyLifeRoot,
  cellMeetings: (cellId: number, year: number) => [...partyLifeRoot, 'cell-meetings', cellId, year] as const,
  meeting: (id: number) => [...partyLifeRoot, 'meeting', id] as const,
  compliance: (organizationId: number, params: Partial<ComplianceQuery>) => [...partyLifeRoot, 'compliance', organizationId, params] as const,
};
