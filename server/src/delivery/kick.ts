// A follow-up message that raised its tip's priority queued `tip.updated` deliveries: they go at once too.
const QUEUING_PATHS = ["/api/v1/tips", "/api/v1/followup/messages"];

/** True for the answer to a newly stored tip or message: the moment to send its deliveries rather than wait for the next pass. */
export const storedNewTip = (request: Request, response: Response) =>
  response.status === 201 &&
  request.method === "POST" &&
  QUEUING_PATHS.includes(new URL(request.url).pathname) &&
  !response.headers.has("Idempotent-Replayed");
