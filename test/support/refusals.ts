/**
 * A refusal's body says exactly this: the reason, its params (none: no params at all) and the
 * whole message in the language asked for.
 */
export function expectRefusal(
  body: { reason?: string; params?: Record<string, unknown>; message?: string },
  reason: string,
  params: Record<string, unknown>,
  message: string,
): void {
  expect({ reason: body.reason, params: body.params ?? {}, message: body.message }).toEqual({
    reason,
    params,
    message,
  });
}
