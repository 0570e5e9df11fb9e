package dev.vault.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One vault command line run in this JVM, as a user in {@code cwd} with {@code env} would run it. */
record InProcessRun(int code, byte[] stdout, String err) {
    static InProcessRun of(Map<String, String> env, Path cwd, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(Io.of(new ByteArrayInputStream(stdin), new PrintStream(out, true), new PrintStream(err, true),
                env, cwd), args);
        return new InProcessRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static InProcessRun of(Map<String, String> env, Path cwd, String stdin, String... args) {
        return of(env, cwd, stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
