/**
 * A client-visible fault in Neutron's shape: `{"NeutronError": {"type", "message", "detail"}}`.
 * `type` is Neutron's exception class name, so clients that switch on it keep working.
 */
export class NeutronError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly detail = '',
  ) {
    super(message);
    this.name = 'NeutronError';
  }

  toBody(): { NeutronError: { type: string; message: string; detail: string } } {
    return { NeutronError: { type: this.type, message: this.message, detail: this.detail } };
  }
}

export const badRequest = (message: string, type = 'HTTPBadRequest') => new NeutronError(400, type, message);
export const invalidInput = (message: string) =>
  new NeutronError(400, 'InvalidInput', `Invalid input for operation: ${message}`);
export const notFound = (type: string, message: string) => new NeutronError(404, type, message);
export const conflict = (type: string, message: string) => new NeutronError(409, type, message);
export const forbidden = (message: string, type = 'HTTPForbidden') => new NeutronError(403, type, message);
export const revisionMismatch = (expected: number, current: number) =>
  new NeutronError(
    412,
    'RevisionNumberConstraintFailed',
    `Constrained to ${expected}, but current revision is ${current}`,
  );
