/** The most of an unread request body the Worker reads to its end before answering; beyond it, the client's problem. */
const DRAIN_UP_TO_BYTES = 1024 * 1024;

/**
 * The app's answer as the Workers runtime must be handed it.
 * - A request body the app refused unread (a 413 from its declared length, a 415, a refused origin): workerd
 *   closes a connection with unread input on it, and the client, still sending, gets a reset instead of the
 *   answer. A body of a reasonable declared size is read to its end first, as Node's server does.
 * - Content-Encoding: the app compresses the widget's files itself (widget/routes.ts), the same on both
 *   runtimes; Workers would compress the body again unless told it is encoded already (encodeBody: "manual").
 */
export const forWorkers = async (request: Request, response: Response): Promise<Response> => {
  const declared = Number(request.headers.get("Content-Length") ?? Number.NaN);
  if (request.body && !request.bodyUsed && declared <= DRAIN_UP_TO_BYTES) await request.arrayBuffer().catch(() => {});
  if (!response.headers.has("Content-Encoding") || response.body === null) return response;
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    encodeBody: "manual",
  } as ResponseInit);
};
