package dev.vault.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each command's {@code --json} output, read with Jackson databind (not vault's own JSON code): the exact
 * fields of docs/json.md, in order, with their JSON types, and their values. In-process, on a fixed day.
 */
class JsonOutputTest {
    private static final Clock TODAY = Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final String HEX64 = "[0-9a-f]{64}";
    private static final String SECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @TempDir
    Path work;

    private Map<String, String> env;
    private Path vault;
    private String alice;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void vaultWithTwoSecretsAndTwoIdentities() {
        env = Map.of("HOME", work.resolve("home").toString(), "XDG_CONFIG_HOME", work.resolve("config").toString(),
                "USER", "tester");
        vault = work.resolve(".vault");
        Run init = ok(run("", "init", "--name", "alice"));
        alice = init.out().strip().substring(init.out().strip().lastIndexOf('\n') + 1);
        ok(run("", "identity", "new", "deploy-agent", "--note", "the deploy pipeline"));
        ok(run("one", "set", "db/password", "--purpose", "primary database", "--env", "DB_PASSWORD"));
        ok(run("two", "set", "db/password"));
        ok(run("tok", "set", "api/token", "--purpose", "calls the billing API"));
    }

    private Run run(String stdin, String... args) {
        return run(stdin, Cli::run, args);
    }

    /** Runs {@code args} through {@code cli} (Cli.run, or picocli alone) on this test's vault. */
    private Run run(String stdin, ToIntBiFunction<Io, String[]> cli, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli.applyAsInt(new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true), new PrintStream(err, true), env, work, TODAY, false, false), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run ok(Run run) {
        assertEquals(0, run.code(), run.err());
        return run;
    }

    /**
     * The one JSON document {@code text} holds, which must be one line ending with a newline, checked
     * against the table of {@code section} in docs/json.md.
     */
    private static JsonNode parse(String section, String text) throws IOException {
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, "one line: " + text);
        JsonNode document = JSON.readTree(text);
        JsonDocs.check(section, document);
        return document;
    }

    /** JSON Lines: one document per line, each line ending with a newline, each checked as {@link #parse} does. */
    private static List<JsonNode> parseLines(String section, String text) throws IOException {
        assertTrue(text.endsWith("\n"), text);
        List<JsonNode> documents = new ArrayList<>();
        for (String line : text.split("\n")) {
            documents.add(parse(section, line + "\n"));
        }
        return documents;
    }

    /** An object's members as {@code name:type}, in order: what docs/json.md lists for it. */
    private static List<String> shape(JsonNode object) {
        assertTrue(object.isObject(), "an object: " + object);
        List<String> shape = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            shape.add(member.getKey() + ":" + JsonDocs.typeOf(member.getValue()));
        }
        return shape;
    }

    private static void assertMatches(String regex, JsonNode value) {
        assertTrue(value.isTextual() && value.asText().matches(regex), value + " does not match " + regex);
    }

    // ---- vault list --json, vault list --due --json

    @Test
    void listGivesEachSecretWithNullForWhatItDoesNotHave() throws IOException {
        Run run = ok(run("", "list", "--json"));
        assertEquals("", run.err());
        JsonNode list = parse("vault list --json", run.out());
        assertTrue(list.isArray());
        assertEquals(2, list.size());
        JsonNode token = list.get(0);
        assertEquals(List.of("name:string", "purpose:string", "env:null", "version:integer", "versions:integer",
                "changed:string"), shape(token));
        assertEquals("api/token", token.get("name").asText());
        assertEquals("calls the billing API", token.get("purpose").asText());
        assertEquals(1, token.get("version").asInt());
        assertEquals(1, token.get("versions").asInt());
        assertMatches(SECONDS, token.get("changed"));
        JsonNode password = list.get(1);
        assertEquals(List.of("name:string", "purpose:string", "env:string", "version:integer", "versions:integer",
                "changed:string"), shape(password));
        assertEquals("db/password", password.get("name").asText());
        assertEquals("DB_PASSWORD", password.get("env").asText());
        assertEquals(2, password.get("version").asInt());
        assertEquals(2, password.get("versions").asInt());
    }

    @Test
    void listOfAnEmptyVaultIsAnEmptyArrayAndNothingOnStderr() throws IOException {
        ok(run("", "purge", "api/token", "--yes"));
        ok(run("", "purge", "db/password", "--yes"));
        Run run = ok(run("", "list", "--json"));
        assertEquals("[]\n", run.out());
        assertEquals("", run.err());
        assertEquals(0, parse("vault list --json", run.out()).size());
    }

    @Test
    void listDueGivesEachRotationWithItsDateAndDaysLeft() throws IOException {
        Path manifest = vault.resolve("manifest.yaml");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("    purpose: \"calls the billing API\"\n",
                "    purpose: \"calls the billing API\"\n    rotate_every: 7d\n"));
        JsonNode due = parse("vault list --due --json", ok(run("", "list", "--due", "--json")).out());
        assertEquals(1, due.size());
        JsonNode item = due.get(0);
        assertEquals(List.of("name:string", "kind:string", "due:string", "days:integer", "status:string"), shape(item));
        assertEquals("api/token", item.get("name").asText());
        assertEquals("rotation", item.get("kind").asText());
        assertEquals("2030-06-22", item.get("due").asText());
        assertEquals(7, item.get("days").asInt());
        assertEquals("due in 7 days", item.get("status").asText());
    }

    // ---- vault history NAME --json

    @Test
    void historyGivesEachVersionOldestFirstAndMarksTheCurrentOne() throws IOException {
        JsonNode history = parse("vault history NAME --json", ok(run("", "history", "db/password", "--json")).out());
        assertEquals(2, history.size());
        for (int i = 0; i < 2; i++) {
            JsonNode version = history.get(i);
            assertEquals(List.of("version:integer", "changed:string", "current:boolean"), shape(version));
            assertEquals(i + 1, version.get("version").asInt());
            assertMatches(SECONDS, version.get("changed"));
            assertEquals(i == 1, version.get("current").asBoolean());
        }
    }

    // ---- vault audit log --json

    @Test
    void auditLogGivesEachStoredEntryAsOneLineWithOnlyTheFieldsItHas() throws IOException {
        ok(run("", "get", "db/password", "--purpose", "nightly backup"));
        Run run = ok(run("", "audit", "log", "--json"));
        List<JsonNode> entries = parseLines("vault audit log --json", run.out());
        assertEquals(List.of("init", "identity-add", "set", "set", "set", "get"),
                entries.stream().map(entry -> entry.get("action").asText()).toList());
        JsonNode get = entries.get(5);
        assertEquals(List.of("seq:integer", "time:string", "actor:object", "action:string", "secret:string",
                "version:integer", "purpose:string", "result:string", "prev:string", "hash:string"), shape(get));
        assertEquals(6, get.get("seq").asInt());
        assertEquals("2030-06-15T12:00:00.000Z", get.get("time").asText());
        assertEquals(List.of("user:string", "uid:integer", "host:string", "pid:integer", "identity:string"),
                shape(get.get("actor")));
        assertEquals("tester", get.get("actor").get("user").asText());
        assertEquals(alice, get.get("actor").get("identity").asText());
        assertEquals("db/password", get.get("secret").asText());
        assertEquals(2, get.get("version").asInt());
        assertEquals("nightly backup", get.get("purpose").asText());
        assertEquals("ok", get.get("result").asText());
        assertMatches(HEX64, get.get("hash"));
        assertEquals(entries.get(4).get("hash"), get.get("prev"));
        assertEquals(List.of("seq:integer", "time:string", "actor:object", "action:string", "result:string",
                "prev:string", "hash:string"), shape(entries.get(0)));
        assertEquals("0".repeat(64), entries.get(0).get("prev").asText());
        // the lines are the stored ones, byte for byte
        assertEquals(Files.readString(vault.resolve("audit/audit.log")), run.out());
    }

    // ---- vault audit verify --json

    private static final List<String> VERIFY = List.of("ok:boolean", "entries:integer", "segments:integer",
            "bytes:integer", "head:object", "checkpoint:null", "problem:null");

    @Test
    void auditVerifyOfAnIntactChainSaysOkWithItsHead() throws IOException {
        Run run = ok(run("", "audit", "verify", "--json"));
        assertEquals("", run.err());
        JsonNode report = parse("vault audit verify --json", run.out());
        assertEquals(VERIFY, shape(report));
        assertTrue(report.get("ok").asBoolean());
        assertEquals(5, report.get("entries").asInt());
        assertEquals(1, report.get("segments").asInt());
        assertEquals(Files.size(vault.resolve("audit/audit.log")), report.get("bytes").asLong());
        assertEquals(List.of("seq:integer", "hash:string"), shape(report.get("head")));
        assertEquals(5, report.get("head").get("seq").asInt());
        List<String> lines = Files.readAllLines(vault.resolve("audit/audit.log"));
        assertEquals(JSON.readTree(lines.get(4)).get("hash"), report.get("head").get("hash"));
    }

    @Test
    void auditVerifyOfAChangedEntryNamesTheProblemAndExitsOne() throws IOException {
        Path log = vault.resolve("audit/audit.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        String third = lines.get(2);
        lines.set(2, third.replace("\"primary database\"", "\"primary database!\""));
        Files.writeString(log, String.join("\n", lines) + "\n");

        Run run = run("", "audit", "verify", "--json");
        assertEquals(1, run.code());
        JsonNode report = parse("vault audit verify --json", run.out());
        assertEquals(List.of("ok:boolean", "entries:integer", "segments:integer", "bytes:integer", "head:object",
                "checkpoint:null", "problem:object"), shape(report));
        assertEquals(false, report.get("ok").asBoolean());
        assertEquals(2, report.get("entries").asInt());
        assertEquals(2, report.get("head").get("seq").asInt());
        assertEquals(JSON.readTree(lines.get(1)).get("hash"), report.get("head").get("hash"));
        JsonNode problem = report.get("problem");
        assertEquals(List.of("id:string", "segment:string", "line:integer", "seq:integer", "expected:string",
                "found:string", "detail:string"), shape(problem));
        assertEquals("hash-mismatch", problem.get("id").asText());
        assertEquals("audit/audit.log", problem.get("segment").asText());
        assertEquals(3, problem.get("line").asInt());
        assertEquals(3, problem.get("seq").asInt());
        assertMatches(HEX64, problem.get("expected"));
        assertEquals(JSON.readTree(third).get("hash"), problem.get("found"));
        assertEquals("the entry does not match its hash: it was changed after it was written",
                problem.get("detail").asText());
        assertTrue(run.err().startsWith("vault: error: audit log chain broken at audit/audit.log:3 (seq 3)"), run.err());
    }

    @Test
    void auditVerifyOfATornTailHasNullForWhatItCannotKnow() throws IOException {
        Files.writeString(vault.resolve("audit/audit.log"), "{\"seq\":", StandardOpenOption.APPEND);
        Run run = run("", "audit", "verify", "--json");
        assertEquals(1, run.code());
        JsonNode problem = parse("vault audit verify --json", run.out()).get("problem");
        assertEquals(List.of("id:string", "segment:string", "line:integer", "seq:null", "expected:null",
                "found:null", "detail:string"), shape(problem));
        assertEquals("torn-tail", problem.get("id").asText());
        assertEquals(6, problem.get("line").asInt());
    }

    @Test
    void auditVerifyWithACheckpointNamesItsSizeHashAndSigner() throws IOException {
        Files.writeString(work.resolve("checkpoint.txt"), ok(run("", "audit", "checkpoint")).out());
        ok(run("", "get", "api/token"));
        JsonNode report = parse("vault audit verify --json",
                ok(run("", "audit", "verify", "--checkpoint", "checkpoint.txt", "--json")).out());
        assertEquals(List.of("ok:boolean", "entries:integer", "segments:integer", "bytes:integer", "head:object",
                "checkpoint:object", "problem:null"), shape(report));
        assertEquals(6, report.get("entries").asInt());
        JsonNode checkpoint = report.get("checkpoint");
        assertEquals(List.of("size:integer", "hash:string", "signer:string"), shape(checkpoint));
        assertEquals(5, checkpoint.get("size").asInt());
        List<String> lines = Files.readAllLines(vault.resolve("audit/audit.log"));
        assertEquals(JSON.readTree(lines.get(4)).get("hash"), checkpoint.get("hash"));
        assertMatches("vault-audit-tester@.+", checkpoint.get("signer"));
    }

    // ---- vault doctor --json

    @Test
    void doctorGivesEveryCheckWithItsFixOrNull() throws IOException {
        ok(run("", "rm", "api/token"));
        Run run = ok(run("", "doctor", "--json"));
        JsonNode checks = parse("vault doctor --json", run.out());
        List<String> names = new ArrayList<>();
        for (JsonNode check : checks) {
            names.add(check.get("check").asText() + " " + check.get("status").asText());
            boolean fixed = check.get("check").asText().equals("orphans");
            assertEquals(List.of("check:string", "status:string", "message:string", "fix:" + (fixed ? "string" : "null")),
                    shape(check));
        }
        assertEquals(List.of("manifest ok", "orphans warn", "readers ok", "recipients ok", "post-quantum ok",
                "rotation ok", "permissions ok", "identity ok", "audit ok"), names);
        JsonNode orphans = checks.get(1);
        assertEquals("\"api/token\" was removed; 1 earlier version kept", orphans.get("message").asText());
        assertEquals("vault set api/token to store a value again, or vault purge api/token --yes and delete its entry",
                orphans.get("fix").asText());
    }

    @Test
    void doctorWithAFailedCheckStillPrintsTheJsonAndExitsOne() throws IOException {
        Files.writeString(vault.resolve("audit/audit.log"), "{\"seq\":", StandardOpenOption.APPEND);
        Run run = run("", "doctor", "--json");
        assertEquals(1, run.code());
        assertEquals("", run.err());
        JsonNode audit = parse("vault doctor --json", run.out()).get(8);
        assertEquals("audit", audit.get("check").asText());
        assertEquals("fail", audit.get("status").asText());
        assertEquals("vault audit repair", audit.get("fix").asText());
    }

    // ---- vault guard check --json

    private static final List<String> DECISION = List.of("decision:string", "rule:null", "reason:null", "hint:null");

    @Test
    void guardCheckAllowIsAnObjectWithNullsAndExitsZero() throws IOException {
        Run run = run("", "guard", "check", "--command", "git status", "--json");
        assertEquals(0, run.code());
        assertEquals("", run.err());
        JsonNode decision = parse("vault guard check --command COMMAND --json", run.out());
        assertEquals(DECISION, shape(decision));
        assertEquals("allow", decision.get("decision").asText());
    }

    @Test
    void guardCheckDenyIsAnObjectWithRuleReasonAndHintExitsTwoAndIsAudited() throws IOException {
        Run run = run("", "guard", "check", "--json", "--command", "cat .env");
        assertEquals(2, run.code());
        assertEquals("", run.err(), "the deny is in the JSON, not on stderr");
        JsonNode decision = parse("vault guard check --command COMMAND --json", run.out());
        assertEquals(List.of("decision:string", "rule:string", "reason:string", "hint:string"), shape(decision));
        assertEquals("deny", decision.get("decision").asText());
        assertEquals("credential-file", decision.get("rule").asText());
        assertEquals("\"cat .env\" would show the credential file \".env\" on the screen", decision.get("reason").asText());
        assertEquals("check that a variable is there without showing it (grep -q '^NAME=' FILE), or let a command use "
                + "the values without showing them: vault exec --only VAR -- CMD", decision.get("hint").asText());

        List<JsonNode> entries = parseLines("vault audit log --json",
                ok(run("", "audit", "log", "--action", "guard-deny", "--json")).out());
        assertEquals(1, entries.size());
        assertEquals("credential-file (via --command)", entries.get(0).get("reason").asText());
    }

    @Test
    void guardCheckJsonIsTheSameThroughPicocliAsThroughTheFastPath() {
        // the same line, once parsed by picocli (as a line FastPath declines would be), once by Cli.run's fast path
        String[] args = {"guard", "check", "--command", "cat .env", "--json"};
        Run picocli = run("", (io, line) -> Cli.commandLine(new VaultCommand(io), line).execute(line), args);
        assertEquals(2, picocli.code(), picocli.err());
        assertEquals(run("", args), picocli);
    }

    @Test
    void guardCheckBatchGivesOneObjectPerLineWithItsNumberAndCommand() throws IOException {
        Files.writeString(work.resolve("history.txt"), "git status\r\ncat .env\n\nprintenv\n");
        Run run = ok(run("", "guard", "check", "--batch", "history.txt", "--json"));
        assertEquals("", run.err());
        List<JsonNode> lines = parseLines("vault guard check --batch FILE --json", run.out());
        assertEquals(4, lines.size());
        List<String> allow = new ArrayList<>(DECISION);
        allow.addAll(List.of("line:integer", "command:string"));
        List<String> deny = List.of("decision:string", "rule:string", "reason:string", "hint:string", "line:integer",
                "command:string");
        assertEquals(allow, shape(lines.get(0)));
        assertEquals(deny, shape(lines.get(1)));
        assertEquals(allow, shape(lines.get(2)));
        assertEquals(deny, shape(lines.get(3)));
        List<String> summary = lines.stream().map(line -> line.get("line").asInt() + " " + line.get("decision").asText()
                + " " + line.get("rule").asText() + " [" + line.get("command").asText() + "]").toList();
        assertEquals(List.of("1 allow null [git status]", "2 deny credential-file [cat .env]", "3 allow null []",
                "4 deny env-dump [printenv]"), summary);
    }

    /**
     * A hook's answer is its agent's protocol whatever --json says: a usage error (exit 2, no JSON) would let the
     * command run under Copilot CLI, which runs it on any non-zero exit and reads its deny from stdout.
     */
    @Test
    void guardCheckHookIgnoresJsonWithAWarningAndAnswersInTheProtocol() {
        String copilot = "{\"sessionId\":\"s\",\"timestamp\":1788992290306,\"cwd\":\"/p\",\"toolName\":\"bash\","
                + "\"toolArgs\":{\"command\":\"printenv\",\"description\":\"d\"}}";
        Run plain = run(copilot, "guard", "check", "--hook", "copilot");
        Run json = run(copilot, "guard", "check", "--hook", "copilot", "--json");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(plain.code(), json.code());
        assertTrue(plain.out().contains("\"permissionDecision\":\"deny\""), plain.out());
        assertEquals(plain.out(), json.out());
        assertEquals("vault: warning: --json does not apply to --hook: the answer is the agent's protocol\n"
                + plain.err(), json.err());
    }

    // ---- vault identity list --json

    @Test
    void identityListGivesEachIdentityWithItsNoteOrNull() throws IOException {
        JsonNode identities = parse("vault identity list --json", ok(run("", "identity", "list", "--json")).out());
        assertEquals(2, identities.size());
        assertEquals(List.of("name:string", "recipient:string", "note:null"), shape(identities.get(0)));
        assertEquals("alice", identities.get(0).get("name").asText());
        assertEquals(alice, identities.get(0).get("recipient").asText());
        assertEquals(List.of("name:string", "recipient:string", "note:string"), shape(identities.get(1)));
        assertEquals("deploy-agent", identities.get(1).get("name").asText());
        assertMatches("age1[02-9ac-hj-np-z]{58}", identities.get(1).get("recipient"));
        assertEquals("the deploy pipeline", identities.get(1).get("note").asText());
    }

    // ---- vault check-env --json

    @Test
    void checkEnvGivesEachVariableWithBothFingerprintsOrNull() throws IOException {
        Files.writeString(work.resolve("app.env"), "DB_PASSWORD=one\n");
        Run run = run("", "check-env", "--env-file", "app.env", "--json");
        assertEquals(1, run.code());
        JsonNode report = parse("vault check-env --json", run.out());
        assertEquals(List.of("source:string", "ok:boolean", "variables:array"), shape(report));
        assertEquals("app.env", report.get("source").asText());
        assertEquals(false, report.get("ok").asBoolean());
        JsonNode variable = report.get("variables").get(0);
        assertEquals(List.of("variable:string", "secret:string", "status:string", "vault:string", "found:string"),
                shape(variable));
        assertEquals("DB_PASSWORD", variable.get("variable").asText());
        assertEquals("db/password", variable.get("secret").asText());
        assertEquals("differs", variable.get("status").asText());
        assertTrue(!variable.get("vault").equals(variable.get("found")));

        Files.writeString(work.resolve("app.env"), "OTHER=x\n");
        variable = parse("vault check-env --json", run("", "check-env", "--env-file", "app.env", "--json").out())
                .get("variables").get(0);
        assertEquals("missing", variable.get("status").asText());
        assertEquals(List.of("variable:string", "secret:string", "status:string", "vault:string", "found:null"),
                shape(variable));
    }

    // ---- docs/json.md itself

    @Test
    void everyExampleInTheDocsFitsItsTable() throws IOException {
        int examples = 0;
        for (JsonDocs.Section section : JsonDocs.sections().values()) {
            assertTrue(!section.fields().isEmpty(), "`" + section.command() + "` has a table of fields");
            assertTrue(!section.examples().isEmpty(), "`" + section.command() + "` has an example");
            for (String example : section.examples()) {
                try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> documents =
                             JSON.readerFor(JsonNode.class).readValues(example)) {
                    while (documents.hasNext()) {
                        JsonDocs.check(section.command(), documents.next());
                        examples++;
                    }
                }
            }
        }
        assertTrue(examples >= 15, "the examples were read: " + examples);
    }

    @Test
    void everyCommandWithAJsonOptionHasASectionAndEverySectionAnOption() {
        picocli.CommandLine cli = Cli.commandLine(new VaultCommand(Io.of(new ByteArrayInputStream(new byte[0]),
                System.out, System.err, Map.of(), work)), new String[0]);
        List<String> withJson = new ArrayList<>();
        collectJsonCommands(cli, withJson);
        assertTrue(withJson.containsAll(List.of("vault list", "vault history", "vault audit log", "vault audit verify",
                "vault doctor", "vault guard check", "vault identity list")), withJson.toString());
        java.util.Set<String> sections = JsonDocs.sections().keySet();
        for (String command : withJson) {
            assertTrue(sections.stream().anyMatch(section -> section.startsWith(command + " ")),
                    "docs/json.md has a section for " + command);
        }
        for (String section : sections) {
            assertTrue(section.endsWith(" --json") && withJson.stream().anyMatch(command -> section.startsWith(command + " ")),
                    "`" + section + "` is a command with --json");
        }
    }

    private static void collectJsonCommands(picocli.CommandLine command, List<String> found) {
        if (command.getCommandSpec().findOption("--json") != null) {
            found.add(command.getCommandSpec().qualifiedName());
        }
        command.getSubcommands().values().forEach(sub -> collectJsonCommands(sub, found));
    }
}
