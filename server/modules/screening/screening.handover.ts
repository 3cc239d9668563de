import type { IsoDate } from '../../../common/rules/iso-date.ts';
import * as repo from './screening.repo.ts';

type Q = Parameters<typeof repo.listOpenFlagsToHandOver>[0];

/**
 * R-RMV-07: an open flag is reviewed by the cell the member belongs to. When a transfer, or a reorganization (merger,
 * split), moves members to another organization, their open flags are handed over to it (one append-only row each,
 * in the move's transaction); the flag, its raising cell and its evidence stay as they were. Decided flags stay with
 * the cell that decided them.
 */
export async function handOverOpenFlags(
  trx: Q,
  p: { memberIds: readonly number[]; toOrganizationId: number; transferId: number | null; on: IsoDate; at: string },
): Promise<number> {
  const open: { id: number; owner_id: number }[] = [];
  for (let i = 0; i < p.memberIds.length; i += 500) open.push(...(await repo.listOpenFlagsToHandOver(trx, p.memberIds.slice(i, i + 500), p.toOrganizationId)));
  await repo.insertHandovers(
    trx,
    open.map((f) => ({ flag_id: f.id, from_organization_id: f.owner_id, to_organization_id: p.toOrganizationId, transfer_id: p.transferId, handed_over_on: p.on, at: p.at })),
  );
  return open.length;
}
