export { describeMessageBusContract, type MessageBusContractOptions } from './message-bus.contract';
export { waitFor } from './wait-for';
