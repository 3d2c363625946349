/**
 * A loopback HTTP server for I/O demos: {@link course.server.LocalServer} answers with a chosen
 * latency and failure rate and counts how many requests it serves at once.
 */
package course.server;
