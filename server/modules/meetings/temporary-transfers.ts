import type { Kysely } from 'kysely';
import type { TemporaryTransfer } from '../../../common/rules/transfer-rules.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Where party life reads temporary transfers out of the home cell (R-MGT-06: not expected at its meetings, not
 * needing its work assignment). The transfers table belongs to server/modules/transfers; the composition root
 * (app.ts) installs its reader (temporaryTransfersOfMembers) here, so meetings never import the transfers module and
 * a test can put in a fixed list. Until a reader is installed, no temporary transfer is known.
 */
export type TemporaryTransferSource = (db: Kysely<Database>, memberIds: readonly number[]) => Promise<TemporaryTransfer[]>;

const NONE: TemporaryTransferSource = async () => [];
let source: TemporaryTransferSource = NONE;

/** Installs the reader of temporary transfers (null: none known) and returns the one it replaces. */
export function setTemporaryTransferSource(next: TemporaryTransferSource | null): TemporaryTransferSource {
  const previous = source;
  source = next ?? NONE;
  return previous;
}

/** The temporary transfers of these members, any dates. */
export function temporaryTransfersOf(db: Kysely<Database>, memberIds: readonly number[]): Promise<TemporaryTransfer[]> {
  if (memberIds.length === 0) return Promise.resolve([]);
  return source(db, memberIds);
}
