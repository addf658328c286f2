/** Dependency-injection token for the MessageBus port; a registered symbol, so the lib needs no framework. */
export const MESSAGE_BUS = Symbol.for('@alcor/bus:MessageBus');
