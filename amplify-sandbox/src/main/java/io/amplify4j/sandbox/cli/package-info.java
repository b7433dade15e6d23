/** The sandbox's command line: {@link io.amplify4j.sandbox.cli.SandboxCli}. */
package io.amplify4j.sandbox.cli;
