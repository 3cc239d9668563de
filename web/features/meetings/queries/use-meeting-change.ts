import { useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail } from '../../../../common/contracts/meetings.contract.ts';
import { meetingKeys, partyLifeRoot } from './keys.ts';

/** After a meeting change: keep the answer as the meeting's data and refresh every party-life view. */
export function useAfterMeetingChange() {
  const qc = useQueryClient();
  return (meeting?: MeetingDetail) => {
    if (meeting) qc.setQueryData(meetingKeys.meeting(meeting.id), meeting);
    void qc.invalidateQueries({ queryKey: partyLifeRoot });
  };
}
