/** A failure the command reports as one Chinese line on stderr, with exit code 2. */
export class CliError extends Error {}
