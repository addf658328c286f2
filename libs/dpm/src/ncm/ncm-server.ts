import { Server, ServerCredentials, ServerUnaryCall, sendUnaryData, status as GrpcStatus, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { SOUTHBOUND_HEADERS } from '@alcor/contracts';
import { GoalStateProvisionerService, HostRequest, HostRequestOperationStatus, HostRequestReply, OperationStatus, RequestType } from '@alcor/proto';
import { DataPlane } from '../data-plane';

/** How long the NCM role waits for the host to ack what it pushes before answering FAILURE. */
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * GoalStateProvisioner in the NCM role (Alcor's 9016): RequestGoalStates from host agents.
 * ON_DEMAND: the states for the parked packet are pushed to the caller over its normal push
 * path first, then the request is answered SUCCESS (FAILURE when nothing is known or the push
 * was not acked). AGENT_RESTARTED: the host's FULL goal state is pushed, then SUCCESS.
 * The caller is named by the x-alcor-host-id metadata (node id), else by its peer IP.
 */
export class NcmServer {
  private server?: Server;
  port = 0;

  constructor(private readonly dataPlane: DataPlane) {}

  async start(host: string, port: number): Promise<number> {
    const server = new Server();
    const handlers: UntypedServiceImplementation = {
      requestGoalStates: (call: ServerUnaryCall<HostRequest, HostRequestReply>, callback: sendUnaryData<HostRequestReply>) => {
        const started = process.hrtime.bigint();
        this.answer(call)
          .then((statuses) =>
            callback(null, HostRequestReply.fromPartial({ formatVersion: call.request.formatVersion, operationStatuses: statuses, totalOperationTime: Number((process.hrtime.bigint() - started) / 1000n) })),
          )
          .catch((error: unknown) => callback({ code: GrpcStatus.INTERNAL, details: String(error) }));
      },
    };
    server.addService(GoalStateProvisionerService, handlers);
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    this.server = server;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  }

  private async answer(call: ServerUnaryCall<HostRequest, HostRequestReply>): Promise<HostRequestOperationStatus[]> {
    const hostId = this.callerHost(call);
    return Promise.all(
      call.request.stateRequests.map(async (request): Promise<HostRequestOperationStatus> => {
        const status = (operationStatus: OperationStatus) => ({ requestId: request.requestId, operationStatus });
        if (!hostId) return status(OperationStatus.FAILURE);
        try {
          if (request.requestType === RequestType.AGENT_RESTARTED) {
            await this.dataPlane.delivery.resync(hostId, ANSWER_TIMEOUT_MS);
            return status(OperationStatus.SUCCESS);
          }
          const found = this.dataPlane.onDemand(hostId, request.tunnelId, request.destinationIp);
          if (!found) return status(OperationStatus.FAILURE);
          await this.dataPlane.delivery.pushAndWait(hostId, found, this.dataPlane.nbCfg, ANSWER_TIMEOUT_MS);
          return status(OperationStatus.SUCCESS);
        } catch {
          return status(OperationStatus.FAILURE);
        }
      }),
    );
  }

  private callerHost(call: ServerUnaryCall<HostRequest, HostRequestReply>): string | undefined {
    const nodeId = call.metadata.get(SOUTHBOUND_HEADERS.hostId)[0];
    if (nodeId !== undefined) return this.dataPlane.hostOfNodeId(String(nodeId));
    return this.dataPlane.hostOfIp(peerIp(call.getPeer()));
  }
}

/** "ipv4:10.0.0.5:4242", "10.0.0.5:4242" or "[::1]:4242" -> the address. */
export function peerIp(peer: string): string {
  const bare = peer.replace(/^ipv[46]:/, '');
  const bracketed = /^\[([^\]]+)\]/.exec(bare);
  if (bracketed) return bracketed[1];
  const colon = bare.lastIndexOf(':');
  return colon > 0 ? bare.slice(0, colon) : bare;
}
