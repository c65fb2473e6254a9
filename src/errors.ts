// Errors a user sees. Each carries its exit code and a message of one or two lines: what failed, the
// file/provider/model involved, and the next step. The CLI prints the message and exits with the code.

export class OssError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'OssError';
  }
}

/** A config file or value is invalid (exit 2). Nothing has been written. */
export class ConfigError extends OssError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'ConfigError';
  }
}

/** The command line itself is wrong (exit 2). */
export class UsageError extends OssError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
