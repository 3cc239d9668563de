import type { IsoDate } from '../../../common/rules/iso-date.ts';
import * as repo from './screening.repo.ts';

type Q = Parameters<typeof repo.listOpenFlagsToHandOver>[0];

/**
 * R-RMV-07: an open flag is reviewed by the cell the member belongs to. When a transfer moves the member to another
 * cell, their open flags are handed over to it (one append-only row each, in the transfer's transaction); the flag,
 * its raising cell and its evidence stay as they were. Decided flags stay with the cell that decided them.
 */
export async function handOverOpenFlags(
  trx: Q,
  p: { memberId: number; toOrganizationId: number; transferId: number | null; on: IsoDate; at: string },
): Promise<number> {
  const open = await repo.listOpenFlagsToHandOver(trx, p.memberId, p.toOrganizationId);
  await repo.insertHandovers(
    trx,
    open.map((f) => ({ flag_id: f.id, from_organization_id: f.owner_id, to_organization_id: p.toOrganizationId, transfer_id: p.transferId, handed_over_on: p.on, at: p.at })),
  );
  return open.length;
}
