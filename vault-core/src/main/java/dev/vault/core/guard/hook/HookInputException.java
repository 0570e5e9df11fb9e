package dev.vault.core.guard.hook;

import java.io.IOException;

/** Hook input that is not what the agent's protocol says it sends. The message never quotes the input's values. */
public final class HookInputException extends IOException {
    public HookInputException(String message) {
        super(message);
    }
}
