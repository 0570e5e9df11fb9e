package dev.vault.core.guard;

/** The rule ids and the safe alternative each deny names. */
final class Advice {
    static final String SECRET_OUTPUT = "secret-output";
    static final String KEY_MATERIAL = "key-material";
    static final String CREDENTIAL_FILE = "credential-file";
    static final String DECRYPT = "decrypt";
    static final String ENV_DUMP = "env-dump";
    static final String SECRET_VARIABLE = "secret-variable";
    static final String INTERPRETER_ENV = "interpreter-env";
    static final String CREDENTIAL_CLI = "credential-cli";
    static final String TRACING = "tracing";
    static final String UNANALYSABLE = "unanalysable";
    static final String PARSE_ERROR = "parse-error";
    static final String GUARD_ERROR = "guard-error";

    private Advice() {
    }

    static String secretOutput(String name) {
        String n = name == null ? "NAME" : name;
        return "write it to a file (vault get " + n + " -o FILE), pipe it into a program that reads it from stdin"
                + " (vault get " + n + " | docker login --password-stdin …), or inject it: vault exec --only VAR -- CMD";
    }

    static final String KEY = "use the key without printing it (ssh -i KEY, ssh-add KEY, age -d -i KEY -o FILE …);"
            + " to inspect it, use ls -l, ssh-keygen -l -f KEY, or ssh-keygen -y -f KEY for the public key";

    static final String CREDENTIALS = "check that a variable is there without showing it (grep -q '^NAME=' FILE),"
            + " or let a command use the values without showing them: vault exec --only VAR -- CMD";

    static final String DECRYPTED = "decrypt to a file (age -d -o FILE, sops -d --output FILE, gpg -d -o FILE)"
            + " or pipe the plaintext straight into the program that needs it";

    static final String ENV = "list the names only (compgen -e), check one is set (test -n \"$VAR\"),"
            + " or print a non-secret one (printenv HOME)";

    static String variable(String name) {
        return "check it without printing it (test -n \"$" + name + "\", ${#" + name + "}, ${" + name + ":+set}),"
                + " or pass it to the program that needs it: vault exec --only " + name + " -- CMD";
    }

    static final String INTERPRETER = "read only non-secret variables or files, or check a secret is set"
            + " (test -n \"$VAR\"); run the program with vault exec --only VAR -- CMD so its output is masked";

    static final String CLI = "pipe the credential straight into the program that needs it"
            + " (… | docker login --password-stdin), write it to a file, or use vault exec --only VAR -- CMD";

    static final String TRACE = "run it without tracing (drop -x, -v or --trace; set +x), or with vault exec"
            + " --only VAR -- CMD so what it prints is masked";

    static final String LITERAL = "write the command with literal words (name the program and the files itself)"
            + " so the guard can check it";

    static final String PARSE = "fix the quoting, or split the command into simpler commands";

    static final String ERROR = "split the command into simpler commands; the guard could not check this one";
}
