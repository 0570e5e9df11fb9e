package dev.vault.core.guard;

import dev.vault.core.guard.shell.Node;
import dev.vault.core.guard.shell.ShellParser;
import dev.vault.core.guard.shell.ShellSyntaxException;

/**
 * Decides, before a shell command runs, whether it would bring secret values, key material or the
 * environment onto the screen of whoever runs it. Thread-safe; one instance serves many checks.
 */
public final class Guard {
    private final GuardContext context;
    private final SecretNames names;
    private final SensitivePaths paths;

    private Guard(GuardContext context) {
        this.context = context;
        this.names = SecretNames.of(context.secretEnvNames());
        this.paths = SensitivePaths.of(context.protectedPaths(), context.home());
    }

    public static Guard of(GuardContext context) {
        return new Guard(context);
    }

    /** The decision for one command line. Never throws: any failure inside the guard is a deny. */
    public Decision check(String command) {
        try {
            Node root;
            try {
                root = ShellParser.parse(command);
            } catch (ShellSyntaxException e) {
                return Decision.deny(Advice.PARSE_ERROR, "the command does not parse: " + e.getMessage(),
                        Advice.PARSE);
            }
            return new Walker(context, names, paths).run(root);
        } catch (StackOverflowError e) {
            return Decision.deny(Advice.GUARD_ERROR, "the command nests too deeply for the guard to check",
                    Advice.ERROR);
        } catch (Throwable e) {
            return Decision.deny(Advice.GUARD_ERROR, "the guard failed while checking the command ("
                    + e.getClass().getSimpleName() + ")", Advice.ERROR);
        }
    }
}
