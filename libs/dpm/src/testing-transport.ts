import { PushKind } from '@alcor/contracts';
import { GoalStateOperationReply, GoalStateV2, OperationStatus, ResourceType } from '@alcor/proto';
import { AgentTransport, PushOutcome } from './delivery/agent-transport';

export interface RecordedPush {
  address: string;
  goalState: GoalStateV2;
  generation: number;
  kind: PushKind;
}

/** An in-memory AgentTransport for unit tests: records pushes, answers SUCCESS per port and router, or fails on demand. */
export class RecordingTransport implements AgentTransport {
  readonly pushes: RecordedPush[] = [];
  /** Addresses that do not answer (the push rejects). */
  readonly unreachable = new Set<string>();
  /** Ports (and routers) answered with this status instead of SUCCESS. */
  readonly verdicts = new Map<string, OperationStatus>();
  /** When set, pushes wait for this promise before answering (to queue deltas behind one in flight). */
  gate?: Promise<void>;

  async push(address: string, goalState: GoalStateV2, generation: number, kind: PushKind): Promise<PushOutcome> {
    this.pushes.push({ address, goalState, generation, kind });
    if (this.gate) await this.gate;
    if (this.unreachable.has(address)) throw new Error(`${address} unreachable`);
    const status = (resourceId: string, resourceType: ResourceType) => ({ resourceId, resourceType, operationStatus: this.verdicts.get(resourceId) ?? OperationStatus.SUCCESS });
    const reply = GoalStateOperationReply.fromPartial({
      operationStatuses: [
        ...Object.keys(goalState.portStates).map((id) => status(id, ResourceType.PORT)),
        ...Object.entries(goalState.routerStates).map(([key, state]) => status(state.configuration?.id || key, ResourceType.ROUTER)),
      ],
    });
    return { reply, bytes: GoalStateV2.encode(goalState).finish().length };
  }

  forget(address: string): void {
    this.unreachable.delete(address);
  }

  close(): void {
    this.pushes.length = 0;
  }

  to(address: string, kind?: PushKind): RecordedPush[] {
    return this.pushes.filter((p) => p.address === address && (kind === undefined || p.kind === kind));
  }
}
