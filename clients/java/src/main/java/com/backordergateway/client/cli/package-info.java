/**
 * {@code backorderctl}, the gateway's gRPC API from a shell, on top of {@link
 * com.backordergateway.client.BackorderClient}.
 *
 * <p>{@link com.backordergateway.client.cli.BackorderCtl} holds the connection options and the
 * exit codes; each intake RPC has a command class, and {@code events}, {@code cases}, {@code
 * connectors} and {@code deliveries} group their subcommands. {@code Records} and {@code Table}
 * decide how records look in a terminal; {@code --json} prints the proto JSON mapping instead.
 */
package com.backordergateway.client.cli;
