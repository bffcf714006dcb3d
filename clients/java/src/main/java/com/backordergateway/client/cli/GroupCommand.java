package com.backordergateway.client.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: called alone, it is a usage error (exit 2). */
abstract class GroupCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
