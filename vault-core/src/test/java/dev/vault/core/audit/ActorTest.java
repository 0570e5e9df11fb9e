package dev.vault.core.audit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The agent context recorded with each entry comes from the environment. */
class ActorTest {
    @Test
    void vaultActorIsTakenAsStated() {
        assertEquals("deploy-bot run 7", Actor.agent(Map.of("VAULT_ACTOR", "deploy-bot run 7", "CLAUDECODE", "1")));
    }

    @Test
    void knownAgentsAreRecognisedByTheVariableTheySet() {
        assertEquals("claude-code", Actor.agent(Map.of("CLAUDECODE", "1")));
        assertEquals("codex", Actor.agent(Map.of("CODEX_SANDBOX", "seatbelt")));
        assertEquals("gemini-cli", Actor.agent(Map.of("GEMINI_CLI", "1")));
        assertEquals("cursor", Actor.agent(Map.of("CURSOR_AGENT", "1")));
    }

    @Test
    void noAgentWhenNothingSaysSoAndEmptyIsNothing() {
        assertNull(Actor.agent(Map.of("USER", "alice")));
        assertNull(Actor.agent(Map.of("VAULT_ACTOR", "")));
    }

    @Test
    void sessionComesFromVaultSession() {
        assertEquals("run-42", Actor.current(Map.of("VAULT_SESSION", "run-42")).session());
        assertNull(Actor.current(Map.of()).session());
    }
}
