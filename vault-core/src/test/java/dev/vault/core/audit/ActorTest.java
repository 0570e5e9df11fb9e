package dev.vault.core.audit;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    private static final String STATUS = "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t4242\nNgid:\t0\n"
            + "Pid:\t4243\nPPid:\t17\nTracerPid:\t0\nUid:\t1000\t1001\t1002\t1003\nGid:\t100\t100\t100\t100\n";

    @Test
    void statusNumbersAreTakenFromTheLineThatStartsWithTheKey() {
        assertEquals(4242, Actor.statusNumber(STATUS, "Tgid:"));
        assertEquals(1000, Actor.statusNumber(STATUS, "Uid:"), "the real uid, the first of four");
        assertEquals(4243, Actor.statusNumber(STATUS, "Pid:"), "not the end of PPid: or TracerPid:");
        assertEquals(17, Actor.statusNumber("PPid:\t17\n", "PPid:"), "on the first line");
    }

    @Test
    void noLineOrNoNumberIsMinusOne() {
        assertEquals(-1, Actor.statusNumber(STATUS, "Groups:"));
        assertEquals(-1, Actor.statusNumber("Uid:\t\nGid:\t5\n", "Uid:"));
        assertEquals(-1, Actor.statusNumber("XUid:\t5\n", "Uid:"));
        assertEquals(-1, Actor.statusNumber("", "Uid:"));
    }

    @Test
    void theCurrentActorIsThisProcessAndItsRealUser() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "Linux");
        Actor actor = Actor.current(Map.of());
        assertEquals(ProcessHandle.current().pid(), actor.pid());
        assertEquals(((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue(), actor.uid());
    }
}
