// Guard benchmark helper: in-process decisions per second over the labelled corpus.
//
//   java -cp vault-cli/target/vault.jar bench/GuardBench.java CORPUS_FOLDER [SECONDS]
//
// Reads deny.txt and allow.txt from CORPUS_FOLDER (vault-core/src/test/resources/guard), builds the
// corpus tests' context, checks every command once (and says how many were decided as labelled), warms
// up for 2 s, then checks the commands round-robin on one thread for SECONDS (default 5) and prints
// decisions per second. The last line is "RESULT key=value ..." for bench/guard to read.

import dev.vault.core.guard.Decision;
import dev.vault.core.guard.Guard;
import dev.vault.core.guard.GuardContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

public class GuardBench {
    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<String> deny = commands(corpus.resolve("deny.txt"), true);
        List<String> allow = commands(corpus.resolve("allow.txt"), false);
        Guard guard = Guard.of(new GuardContext(Path.of("/home/dev"), Path.of("/home/dev/project"),
                Set.of("DATABASE_URL", "STRIPE_KEY", "DEPLOY_HOOK", "PGPASSWORD", "SLACK_WEBHOOK"),
                Set.of("db/url", "stripe/key", "deploy/hook", "pg/password", "slack/webhook"),
                List.of(Path.of("/home/dev/.config/vault/identity.txt"), Path.of("/home/dev/project/agent-identity.txt")),
                Path.of("/home/dev/project/.vault")));
        int denied = 0;
        int allowed = 0;
        for (String command : deny) {
            denied += guard.check(command).allowed() ? 0 : 1;
        }
        for (String command : allow) {
            allowed += guard.check(command).allowed() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "corpus: %d of %d must-deny denied, %d of %d must-allow allowed%n",
                denied, deny.size(), allowed, allow.size());
        List<String> all = new ArrayList<>(deny);
        all.addAll(allow);
        run(guard, all, 2.0);
        long[] counted = run(guard, all, seconds);
        double perSecond = counted[0] / (counted[1] / 1e9);
        System.out.printf(Locale.ROOT, "%d decisions in %.2f s: %.0f per second (one thread)%n", counted[0],
                counted[1] / 1e9, perSecond);
        System.out.printf(Locale.ROOT, "RESULT decisions_per_second=%.0f commands=%d denied=%d/%d allowed=%d/%d%n",
                perSecond, all.size(), denied, deny.size(), allowed, allow.size());
    }

    /** Checks commands round-robin for about {@code seconds}; returns {count, nanoseconds}. */
    private static long[] run(Guard guard, List<String> commands, double seconds) {
        long start = System.nanoTime();
        long until = start + (long) (seconds * 1e9);
        long count = 0;
        int sink = 0;
        long now;
        do {
            for (String command : commands) {
                Decision decision = guard.check(command);
                sink += decision.rule().length();
            }
            count += commands.size();
            now = System.nanoTime();
        } while (now < until);
        if (sink == 42) {
            System.out.print("");   // keeps the decisions observable
        }
        return new long[] {count, now - start};
    }

    /** The commands of a corpus file: deny.txt lines are RULE<TAB>COMMAND, allow.txt lines COMMAND. */
    static List<String> commands(Path file, boolean withRule) throws IOException {
        List<String> commands = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String command = withRule ? line.substring(line.indexOf('\t') + 1) : line;
            if (command.equals(">>>")) {
                StringBuilder block = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).equals("<<<"); i++) {
                    block.append(block.length() == 0 ? "" : "\n").append(lines.get(i));
                }
                command = block.toString();
            }
            commands.add(command);
        }
        return commands;
    }
}
