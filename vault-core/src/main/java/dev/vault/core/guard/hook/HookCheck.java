package dev.vault.core.guard.hook;

import dev.vault.core.guard.Decision;
import dev.vault.core.json.JsonTree;
import dev.vault.core.json.JsonValue;
import dev.vault.core.json.JsonValue.JsonObject;

import java.io.IOException;
import java.io.InputStream;

/**
 * One hook call: reads the agent's input (at most {@value #MAX_INPUT_BYTES} bytes), finds the shell
 * command, has it checked, and answers in the agent's protocol. Every failure on the way (no input, too
 * much, not JSON, a field missing or of the wrong type, an exception from the check) is a deny with the
 * rule {@code guard-error}: several agents take any answer but a deny as leave to run the command. That
 * includes an {@link Error} (out of memory, a class that cannot be loaded): a crash would exit 1.
 */
public final class HookCheck {
    public static final int MAX_INPUT_BYTES = 1 << 20;
    public static final String ERROR_RULE = "guard-error";

    /** Decides about one shell command; may throw, which is a deny. */
    @FunctionalInterface
    public interface Checker {
        Decision check(HookRequest request) throws Exception;
    }

    /**
     * How the call ended.
     *
     * @param answer   what to write and the exit code
     * @param decision the guard's decision, or null when the tool was not a shell and was let through
     * @param request  what the input asked, or null when the input could not be read
     */
    public record Outcome(HookAnswer answer, Decision decision, HookRequest request) {
        public boolean denied() {
            return decision != null && !decision.allowed();
        }
    }

    private HookCheck() {
    }

    public static Outcome run(HookProtocol protocol, InputStream in, Checker checker) {
        HookRequest request;
        try {
            request = protocol.read(readInput(in));
        } catch (IOException | RuntimeException | Error e) {
            // Error too: a crash exits 1, which most agents take as leave to run the command
            return denied(protocol, inputError(e), null);
        }
        if (!request.isShell()) {
            return new Outcome(protocol.allow(), null, request);
        }
        Decision decision;
        try {
            decision = protocol.refusal(request);
            if (decision == null) {
                decision = checker.check(request);
            }
            if (decision == null) {
                decision = Decision.deny(ERROR_RULE, "the guard gave no decision", "run the command outside the agent");
            }
        } catch (Exception | Error e) {
            decision = Decision.deny(ERROR_RULE, "the guard failed: " + e.getClass().getSimpleName(),
                    "run the command outside the agent, and report the failure");
        }
        return decision.allowed() ? new Outcome(protocol.allow(), decision, request) : denied(protocol, decision, request);
    }

    private static Outcome denied(HookProtocol protocol, Decision decision, HookRequest request) {
        return new Outcome(protocol.deny(decision), decision, request);
    }

    private static Decision inputError(Throwable e) {
        String what = e instanceof IOException && e.getMessage() != null ? e.getMessage()
                : "it could not be read (" + e.getClass().getSimpleName() + ")";
        return Decision.deny(ERROR_RULE, "bad hook input: " + what,
                "check that the hook is configured for this agent's pre-tool-use event (see docs/agent-setup.md)");
    }

    private static JsonObject readInput(InputStream in) throws IOException {
        byte[] input = in.readNBytes(MAX_INPUT_BYTES + 1);
        if (input.length > MAX_INPUT_BYTES) {
            throw new HookInputException("it is larger than " + (MAX_INPUT_BYTES >> 20) + " MiB");
        }
        if (input.length == 0) {
            throw new HookInputException("stdin is empty");
        }
        JsonValue value;
        try {
            value = JsonTree.parse(input);
        } catch (JsonTree.MalformedJsonException e) {
            throw new HookInputException("it is not a JSON object: " + e.getMessage());
        }
        if (!(value instanceof JsonObject object)) {
            throw new HookInputException("it is " + HookFields.article(value.typeName()) + ", not a JSON object");
        }
        return object;
    }
}
