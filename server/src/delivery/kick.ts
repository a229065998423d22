/** True for the answer to a newly stored tip: the moment to send its deliveries rather than wait for the next pass. */
export const storedNewTip = (request: Request, response: Response) =>
  response.status === 201 &&
  request.method === "POST" &&
  new URL(request.url).pathname === "/api/v1/tips" &&
  !response.headers.has("Idempotent-Replayed");
