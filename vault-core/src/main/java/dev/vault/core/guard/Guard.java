package dev.vault.core.guard;

/**
 * Decides, before a shell command runs, whether it would bring secret values, key material or the
 * environment onto the screen of whoever runs it. Thread-safe; one instance serves many checks.
 */
public final class Guard {
    private final GuardContext context;

    private Guard(GuardContext context) {
        this.context = context;
    }

    public static Guard of(GuardContext context) {
        return new Guard(context);
    }

    /** The decision for one command line. Never throws: any failure inside the guard is a deny. */
    public Decision check(String command) {
        // skeleton: the parser and rules replace this in the guard's first commits
        return Decision.deny("guard-error", "the guard is not built yet", "run the command yourself");
    }
}
