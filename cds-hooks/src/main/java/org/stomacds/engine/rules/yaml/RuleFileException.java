package org.stomacds.engine.rules.yaml;

/**
 * A rule file (rule pack, payer mapping, CMS data file) that cannot be loaded. The message always
 * starts with {@code file:line: } so an operator can go straight to the line.
 */
public final class RuleFileException extends IllegalStateException {

  private final String file;
  private final int line;

  public RuleFileException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  public RuleFileException(String file, int line, String message, Throwable cause) {
    super(file + ":" + line + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  /** The file as the loader named it (a classpath resource or a filesystem path). */
  public String file() {
    return file;
  }

  /** The 1-based line the problem is on. */
  public int line() {
    return line;
  }
}
