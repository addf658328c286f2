import { NeutronError } from '@alcor/neutron-api';

/**
 * One JSON call to another manager. A Neutron error body from the callee is rethrown as the same
 * NeutronError, so a split deployment answers clients exactly as the standalone one does.
 */
export async function restCall<T>(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const fault = (parsed as { NeutronError?: { type: string; message: string; detail?: string } } | undefined)?.NeutronError;
    if (fault) throw new NeutronError(response.status, fault.type, fault.message, fault.detail ?? '');
    throw new NeutronError(502, 'HTTPBadGateway', `${method} ${path} answered ${response.status}`);
  }
  return parsed as T;
}
