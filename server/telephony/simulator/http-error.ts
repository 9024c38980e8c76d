/** An ARI error answer: Asterisk replies `{ "message": "..." }` with the status. */
export class AriHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "AriHttpError";
  }
}
