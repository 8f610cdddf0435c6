/**
 * Event emitted on the HTTP server when a graceful stop begins (app.factory.ts closeGracefully),
 * before it waits for open connections: long-lived responses (the live Server-Sent Events streams)
 * end themselves on it, since the server would otherwise wait for them until the stop times out.
 */
export const SERVER_STOPPING = 'cno:server-stopping';
