/**
 * Documented exit codes of the `packwright` CLI (README "CLI").
 *
 * 0 ok; 1 the check found problems (errors in the file, unresolvable requirements);
 * 2 usage error (bad arguments); 3 input not found or unreadable; 4 internal failure.
 */
export const EXIT = {
  OK: 0,
  PROBLEMS: 1,
  USAGE: 2,
  NOT_FOUND: 3,
  INTERNAL: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
