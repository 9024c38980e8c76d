/** Failed authentications an IP may make per minute before all its requests are refused for a while. */
export const AUTH_FAILURE_LIMIT = { limit: 20, windowSec: 60 };
