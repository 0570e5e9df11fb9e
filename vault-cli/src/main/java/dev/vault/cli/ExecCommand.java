package dev.vault.cli;

import dev.vault.core.Injection;
import dev.vault.core.VaultException;
import dev.vault.core.mask.Masker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "exec", description = {
        "Run a command with secrets in its environment.",
        "Sets every secret with an env name in the manifest, or only the variables given with --only.",
        "Its stdout and stderr are masked as they stream: each value, its lines and its base64, URL and JSON "
                + "forms show as [masked:VAR] (docs/masking.md).",
        "The command's exit code is passed through."})
final class ExecCommand implements Callable<Integer> {
    /** The reason recorded with each value read by an exec whose output is not masked. */
    static final String NOT_MASKED = "output not masked (--no-mask)";

    @ParentCommand
    VaultCommand root;

    @Option(names = "--only", paramLabel = "VAR", split = ",", description = "Inject only these variables.")
    List<String> only;

    @Option(names = "--keep-env", paramLabel = "VAR", split = ",",
            description = "If this environment already sets VAR, keep that value instead of the vault's.")
    List<String> keepEnv;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "Why the command needs them, for the audit log.")
    String purpose;

    @Option(names = "--no-mask", description = "Show the command's output unmasked, on the terminal itself (for "
            + "programs that need one, such as editors). Said on stderr and recorded in the audit log.")
    boolean noMask;

    @Parameters(paramLabel = "CMD", arity = "1..*", description = "The command and its arguments, after --.")
    List<String> command;

    @Override
    public Integer call() throws VaultException, InterruptedException {
        String statedPurpose = root.statedPurpose(purpose);
        Set<String> keep = new HashSet<>();
        for (String variable : keepEnv == null ? List.<String>of() : keepEnv) {
            String here = root.io.env.get(variable);
            if (here != null) {
                keep.add(variable);
                if (here.isBlank()) {
                    root.io.err.println("vault: warning: kept " + variable + " as --keep-env asks, but it is "
                            + (here.isEmpty() ? "set to an empty string" : "blank") + " in this environment");
                }
            }
        }
        List<Injection> injections = root.openVault().injections(only, keep, root.identity(), statedPurpose,
                noMask ? NOT_MASKED : null,
                entry -> root.io.err.println("vault: note: not setting " + entry.env() + ": this identity is not a reader of \""
                        + entry.name() + "\""));
        warnOfShadowing(injections);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.io.cwd.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(root.io.env);
        Masker.Builder masks = Masker.builder();
        try {
            for (Injection injection : injections) {
                environment.put(injection.variable(), asVariable(injection));
                masks.add(injection.variable(), injection.value().reveal());
            }
        } finally {
            injections.forEach(Injection::close);
        }
        try (Masker masker = masks.build()) {
            if (noMask && !injections.isEmpty()) {
                root.io.err.println("vault: warning: --no-mask: the output of \"" + command.get(0)
                        + "\" is not masked (recorded in the audit log)");
            } else if (!noMask) {
                Masking.warnOfUnmasked(masker, root.io.err, name -> name);
            }
            return run(builder, noMask || masker.isEmpty() ? null : masker);
        }
    }

    /**
     * Starts the command and waits for it. Its stdout and stderr pass through {@code masker} (null: none);
     * on a terminal, a command with nothing to mask inherits vault's own streams, and stdin always does.
     */
    private int run(ProcessBuilder builder, Masker masker) throws VaultException, InterruptedException {
        boolean relay = !root.io.ownStreams || masker != null;
        if (root.io.ownStreams) {
            if (masker == null) {
                builder.inheritIO();
            } else {
                builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
            }
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            boolean missing = message.contains("error=2,");
            throw new ExecFailure("cannot run \"" + command.get(0) + "\": "
                    + (missing ? "command not found" : message.replaceFirst("^.*error=\\d+, ", "").toLowerCase()),
                    missing ? ExitCodes.NOT_FOUND : ExitCodes.CANNOT_RUN);
        }
        List<Thread> outputs = new ArrayList<>();
        if (relay) {
            outputs.add(relay(process.getInputStream(), root.io.out, masker));
            outputs.add(relay(process.getErrorStream(), root.io.err, masker));
        }
        if (!root.io.ownStreams) {
            feed(root.io.in, process.getOutputStream());
        }
        int code = process.waitFor();
        for (Thread output : outputs) {
            output.join();
        }
        return code;
    }

    /** Says when this environment already sets a variable that the vault's value now replaces. */
    private void warnOfShadowing(List<Injection> injections) {
        for (Injection injection : injections) {
            String here = root.io.env.get(injection.variable());
            if (here == null) {
                continue;
            }
            if (here.isEmpty()) {
                root.io.err.println("vault: warning: " + injection.variable() + " is set to an empty string in this "
                        + "environment (the classic silent override); vault exec sets it from " + injection.secret());
            } else {
                root.io.err.println("vault: note: " + injection.variable() + " is already set in this environment; "
                        + "vault exec sets it from " + injection.secret() + " (--keep-env " + injection.variable()
                        + " keeps yours)");
            }
        }
    }

    private static String asVariable(Injection injection) throws VaultException {
        byte[] bytes = injection.value().reveal();
        for (byte b : bytes) {
            if (b == 0) {
                throw VaultException.failed("the value of \"" + injection.secret() + "\" holds a NUL byte and cannot be "
                        + "the variable " + injection.variable(), "read binary values with `vault get NAME -o FILE`");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw VaultException.failed("the value of \"" + injection.secret() + "\" is not UTF-8 text and cannot be "
                    + "the variable " + injection.variable(), "read binary values with `vault get NAME -o FILE`");
        }
    }

    /** Copies one of the command's outputs to {@code to}, masked, until the command closes it. */
    private static Thread relay(InputStream from, PrintStream to, Masker masker) {
        return daemon(() -> {
            try {
                Masking.copy(from, to, masker);
            } catch (IOException ignored) {
                // the command closed its end
            }
        });
    }

    /** Copies {@code from} to the command's stdin, then closes it. */
    private static void feed(InputStream from, OutputStream to) {
        daemon(() -> {
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException ignored) {
                // the command closed its end
            } finally {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The command could not be started: exit 126 or 127, as shells do. */
    static final class ExecFailure extends VaultException {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        ExecFailure(String message, int exitCode) {
            super(Kind.FAILED, message, "check the command's name and that it is on PATH");
            this.exitCode = exitCode;
        }
    }
}
