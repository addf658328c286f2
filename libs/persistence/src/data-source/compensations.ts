import { EntityManager } from 'typeorm';
import { Database, TransactionOptions } from './database';

export type Undo = () => Promise<unknown>;

/**
 * A unit of work that also calls other managers. In one process those calls join the transaction
 * and roll back with it; across processes (split mode) they cannot, so each remote step registers
 * its undo, and the undos run, newest first, when the unit of work fails. Undos must be idempotent:
 * after an in-process rollback they find nothing to undo.
 */
export async function transactionWithCompensation<T>(
  database: Database,
  work: (tx: EntityManager, onFailure: (undo: Undo) => void) => Promise<T>,
  onUndoError: (error: unknown) => void = () => undefined,
  options: TransactionOptions = {},
): Promise<T> {
  const undos: Undo[] = [];
  try {
    return await database.transaction((tx) => {
      undos.length = 0; // a retried transaction starts over
      return work(tx, (undo) => undos.push(undo));
    }, options);
  } catch (error) {
    for (const undo of undos.reverse()) await undo().catch(onUndoError);
    throw error;
  }
}
