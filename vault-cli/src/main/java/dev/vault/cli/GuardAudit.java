package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.audit.Actor;
import dev.vault.core.audit.AuditEvent;
import dev.vault.core.guard.Decision;

/**
 * Records a guard deny in the vault's audit chain: action {@code guard-deny}, result {@code denied},
 * reason {@code RULE (via MODE)}. Not the command: its text may hold a value the agent pasted, and even
 * a hash of it would let anyone with the log test guesses. The actor is as for every entry, with the
 * agent and session taken from the hook input when the environment names none.
 */
final class GuardAudit {
    static final String ACTION = "guard-deny";

    private GuardAudit() {
    }

    /**
     * Appends the entry. A failure, an Error included, is said on stderr and goes no further: the command
     * stays denied, and a crash would exit 1, which Claude Code, Codex and Gemini CLI take as leave to run it.
     */
    /**
     * How long a deny waits for another process's audit write, at most: the deny is given already, and an agent's
     * hook that runs into its time limit lets the command run (a process the agent starts could hold the lock).
     */
    static final long LOCK_WAIT_MILLIS = 1000;

    static void record(VaultCommand root, VaultPaths vault, Decision decision, String via, String agent,
                       String session) {
        if (vault == null) {
            return;
        }
        try {
            Actor current = Actor.current(root.io.env);
            Actor actor = new Actor(current.user(), current.uid(), current.host(), current.pid(),
                    current.agent() != null ? current.agent() : agent,
                    current.session() != null ? current.session() : clip(session));
            root.auditLog(vault, actor, LOCK_WAIT_MILLIS).append(
                    AuditEvent.denied(ACTION, null, null, null, null, decision.rule() + " (via " + via + ")"));
        } catch (VaultException | RuntimeException e) {
            notRecorded(root, e.getMessage());
        } catch (Error e) {
            notRecorded(root, e.getClass().getSimpleName());
        }
    }

    static void notRecorded(VaultCommand root, String why) {
        root.io.err.println("vault: warning: the deny was not recorded in the audit log: " + why);
    }

    /** A session id as the agent gave it, cut to 128 characters. */
    private static String clip(String session) {
        return session == null || session.isEmpty() ? null : session.length() > 128 ? session.substring(0, 128) : session;
    }
}
