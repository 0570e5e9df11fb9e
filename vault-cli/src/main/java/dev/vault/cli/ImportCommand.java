package dev.vault.cli;

import dev.vault.core.EnvFile;
import dev.vault.core.SecretBytes;
import dev.vault.core.SecretInfo;
import dev.vault.core.SecretName;
import dev.vault.core.Vault;
import dev.vault.core.VaultException;
import dev.vault.core.manifest.Manifest;
import dev.vault.core.manifest.ManifestReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "import", description = {
        "Store each variable of a dotenv file as a secret that `vault exec` sets it from.",
        "A variable the manifest maps already goes to its secret; any other VAR to PREFIX + var, lowercased.",
        "Nothing is written unless every variable can be: a valid name, a purpose, no value overwritten."})
final class ImportCommand implements Callable<Integer> {
    private static final String OVERWRITE_HINT =
            "--force stores new versions; the old ones are kept (`vault history NAME`)";

    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "FILE", description = "The dotenv file: KEY=VALUE lines, quotes, export, # comments.")
    String file;

    @Option(names = "--purpose", paramLabel = "TEXT",
            description = "What the new secrets are for (else asked for each on a terminal).")
    String purpose;

    @Option(names = "--prefix", paramLabel = "PATH/",
            description = "Name new secrets PATH/var, such as app/db_password.")
    String prefix = "";

    @Option(names = "--force", description = "Store new versions of secrets that have a value (the old ones are kept).")
    boolean force;

    @Option(names = "--reader", paramLabel = "NAME", split = ",",
            description = "The new secrets' readers: identities or groups (default: every identity).")
    List<String> readers;

    @Option(names = "--only", paramLabel = "VAR", split = ",", description = "Import only these variables.")
    List<String> only;

    /** Where one variable goes; {@code env} is what to set in the manifest (null: it is mapped already). */
    private record Target(String variable, SecretName secret, boolean isNew, String env) {
        @Override
        public String toString() {
            return variable + " -> " + secret;
        }
    }

    @Override
    public Integer call() throws VaultException {
        if (purpose != null && purpose.isBlank()) {
            throw VaultException.failed("the purpose cannot be empty",
                    "say what the secrets are for: --purpose \"what they are for\"");
        }
        Path path = root.io.resolve(file);
        Map<String, String> variables = selected(read(path));
        Vault vault = root.openVault();
        if (readers != null) {
            vault.manifest().checkReaderNames(readers);
        }
        List<Target> targets = targets(vault.manifest(), variables);
        refuseOverwrites(vault, targets);
        for (Target target : targets) {
            vault.checkKeyKinds(target.secret(), target.isNew() ? readers : null);
        }
        Map<SecretName, String> purposes = purposes(targets);
        int imported = 0;
        Map<String, Target> byVariable = new HashMap<>();
        targets.forEach(target -> byVariable.put(target.variable(), target));
        try (Progress progress = Progress.counting(root.io, "import", "variables")) {
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                if (variable.getValue().isEmpty()) {
                    progress.clear();
                    root.io.err.println("vault: note: skipped " + variable.getKey() + ": its value is empty");
                    continue;
                }
                Target target = byVariable.get(variable.getKey());
                try (SecretBytes value = SecretBytes.wrap(variable.getValue().getBytes(StandardCharsets.UTF_8))) {
                    int version = vault.set(target.secret(), value, purposes.get(target.secret()), target.env(),
                            target.isNew() ? readers : null);
                    progress.clear();
                    root.io.out.println("imported " + target + " version " + version);
                    root.io.out.flush();
                    imported++;
                }
                progress.update(imported, targets.size());
            }
        }
        root.io.out.println("imported " + imported + " of " + variables.size() + " variables from " + file);
        return ExitCodes.OK;
    }

    private Map<String, String> read(Path path) throws VaultException {
        try {
            return EnvFile.parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (NoSuchFileException e) {
            throw VaultException.failed("no file \"" + path + "\" to import");
        } catch (CharacterCodingException e) {
            throw VaultException.failed("\"" + path + "\" is not UTF-8 text", "save it as UTF-8, then import it");
        } catch (IOException e) {
            throw VaultException.failed("cannot read \"" + path + "\": " + e.getMessage());
        }
    }

    /** The variables --only names (all without it), in file order. */
    private Map<String, String> selected(Map<String, String> variables) throws VaultException {
        if (only == null) {
            return variables;
        }
        Set<String> wanted = new LinkedHashSet<>(only);
        for (String variable : wanted) {
            if (!variables.containsKey(variable)) {
                throw VaultException.failed("no variable \"" + variable + "\" in " + file,
                        "--only takes variable names as the file spells them (case matters)");
            }
        }
        Map<String, String> chosen = new LinkedHashMap<>(variables);
        chosen.keySet().retainAll(wanted);
        return chosen;
    }

    /** The secret each variable with a value goes to, checked all before anything is written. */
    private List<Target> targets(Manifest manifest, Map<String, String> variables) throws VaultException {
        List<Target> targets = new ArrayList<>();
        Map<SecretName, String> taken = new HashMap<>();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (variable.getValue().isEmpty()) {
                continue;
            }
            Target target = target(manifest, variable.getKey());
            String other = taken.putIfAbsent(target.secret(), target.variable());
            if (other != null) {
                throw VaultException.failed("variables \"" + other + "\" and \"" + target.variable()
                        + "\" would both be stored in \"" + target.secret() + "\"",
                        "import one of them at a time with --only VAR");
            }
            targets.add(target);
        }
        return targets;
    }

    private Target target(Manifest manifest, String variable) throws VaultException {
        Manifest.SecretEntry mapped = manifest.secretForEnv(variable).orElse(null);
        if (mapped != null) {
            return new Target(variable, SecretName.of(mapped.name()), false, null);
        }
        if (!ManifestReader.isEnvName(variable)) {
            throw VaultException.failed("variable \"" + variable + "\" in " + file + " cannot be a secret's env name",
                    "env names are letters, digits and '_', not starting with a digit; "
                            + "leave it out with --only VAR,...");
        }
        String name = prefix + variable.toLowerCase(Locale.ROOT);
        if (!SecretName.isValid(name)) {
            throw VaultException.failed("variable \"" + variable + "\" would be stored as \"" + name
                    + "\", which is not a valid secret name",
                    "secret names are lowercase segments of a-z, 0-9, '.', '_' and '-', each starting with a letter "
                            + "or digit, joined by '/'; choose a prefix that makes one with --prefix");
        }
        SecretName secret = SecretName.of(name);
        Manifest.SecretEntry entry = manifest.secret(secret).orElse(null);
        if (entry != null && entry.env() != null) {
            throw VaultException.failed("variable \"" + variable + "\" would be stored in \"" + secret
                    + "\", but that secret feeds \"" + entry.env() + "\"",
                    "put the new secrets elsewhere with --prefix PATH/");
        }
        return new Target(variable, secret, entry == null, variable);
    }

    private void refuseOverwrites(Vault vault, List<Target> targets) throws VaultException {
        if (force) {
            return;
        }
        Set<SecretName> withValue = new HashSet<>();
        for (SecretInfo info : vault.list()) {
            withValue.add(info.name());
        }
        List<Target> overwritten = targets.stream().filter(target -> withValue.contains(target.secret())).toList();
        if (!overwritten.isEmpty()) {
            boolean one = overwritten.size() == 1;
            throw VaultException.failed("refusing to overwrite " + overwritten.size() + (one ? " secret" : " secrets")
                    + " that already " + (one ? "has" : "have") + " a value: " + join(overwritten), OVERWRITE_HINT);
        }
    }

    /** The purpose of each new secret: --purpose, else asked on the terminal; existing ones keep theirs. */
    private Map<SecretName, String> purposes(List<Target> targets) throws VaultException {
        List<Target> created = targets.stream().filter(Target::isNew).toList();
        Map<SecretName, String> purposes = new HashMap<>();
        if (created.isEmpty()) {
            return purposes;
        }
        if (purpose == null && root.io.console() == null) {
            throw VaultException.failed(created.size() + " new secret" + (created.size() == 1 ? " needs" : "s need")
                    + " a purpose: " + join(created),
                    "say what they are for: vault import " + file + " --purpose \"what they are for\"");
        }
        for (Target target : created) {
            String stated = purpose;
            if (stated == null) {
                stated = root.io.console().readLine("purpose of %s (%s): ", target.secret(), target.variable());
                if (stated == null || stated.isBlank()) {
                    throw VaultException.failed("the purpose of \"" + target.secret() + "\" cannot be empty",
                            "nothing was imported; say what each secret is for, "
                                    + "or give one for all with --purpose TEXT");
                }
            }
            purposes.put(target.secret(), stated);
        }
        return purposes;
    }

    private static String join(List<Target> targets) {
        return String.join(", ", targets.stream().map(Target::toString).toList());
    }
}
