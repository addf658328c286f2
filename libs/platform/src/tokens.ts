export const ENVIRONMENT = Symbol('Environment');
export const SERVICE_NAME = Symbol('ServiceName');
