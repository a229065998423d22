/**
 * The app's answer as the Workers runtime must be handed it. Two of its headers mean something else there:
 * - Content-Encoding: the app compresses the widget's files itself (widget/routes.ts), the same on both runtimes;
 *   Workers would compress the body again unless told it is encoded already (encodeBody: "manual").
 * - Connection: the Node adapter closes a connection whose unread body is still on it (a 413); on Workers the
 *   runtime owns the connection, and workerd closing it with the body unread resets it before the 413 is read.
 */
export const forWorkers = (response: Response): Response => {
  const encoded = response.headers.has("Content-Encoding") && response.body !== null;
  if (!encoded && !response.headers.has("Connection")) return response;
  const headers = new Headers(response.headers);
  headers.delete("Connection");
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
    ...(encoded && { encodeBody: "manual" }),
  } as ResponseInit);
};
