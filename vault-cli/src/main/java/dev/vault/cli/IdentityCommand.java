package dev.vault.cli;

import dev.vault.core.Vault;
import dev.vault.core.VaultException;
import dev.vault.core.crypto.AgeKeys;
import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;
import dev.vault.core.manifest.Manifest;
import dev.vault.core.manifest.ManifestReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "identity", description = "Make and list age identities for people and agents (one per agent).",
        subcommands = {IdentityCommand.New.class, IdentityCommand.Add.class, IdentityCommand.ListIdentities.class})
final class IdentityCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Override
    public Integer call() {
        root.spec.subcommands().get("identity").usage(root.io.err);
        return ExitCodes.USAGE;
    }

    /** A name the manifest takes for an identity, else the error that says which are. */
    static void requireIdentityName(String name) throws VaultException {
        if (!ManifestReader.isIdentityName(name)) {
            throw VaultException.failed("invalid identity name \"" + name + "\"",
                    "use lowercase a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
    }

    @Command(name = "new", description = {
            "Make an identity, write it to a 0600 file and record NAME -> recipient in the manifest.",
            "X25519 unless --pq; --passphrase encrypts the file with a passphrase.",
            "Prints the recipient. `vault set` without --reader makes every identity, this",
            "one too, a reader; `vault grant SECRET NAME` adds it to a secret that exists."})
    static final class New implements Callable<Integer> {
        @ParentCommand
        IdentityCommand parent;

        @Parameters(paramLabel = "NAME", description = "Who or what holds it, such as alice or deploy-agent.")
        String name;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Where to write it (default: $XDG_CONFIG_HOME/vault/identities/NAME.txt).")
        String output;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note for the manifest on who holds it.")
        String note;

        @Mixin
        NewKeyOptions key;

        @Override
        public Integer call() throws VaultException {
            VaultCommand root = parent.root;
            requireIdentityName(name);
            Vault vault = root.openVault();
            if (vault.manifest().identity(name).isPresent()) {
                throw VaultException.failed("the manifest already has an identity named \"" + name + "\"",
                        "pick another name; `vault identity list` shows the ones there are");
            }
            vault.checkNewIdentityKind(name, key.postQuantum);
            Path file = output != null ? root.io.resolve(output)
                    : root.configFolder().resolve("identities").resolve(name + ".txt");
            NewIdentity identity = key.generate(root.io, file);
            try {
                IdentityFile.create(file, identity);
            } finally {
                identity.fileContent().close();
            }
            try {
                vault.addIdentity(name, identity.recipient(), note);
            } catch (VaultException e) {
                InitCommand.deleteQuietly(file);
                throw e;
            }
            root.io.err.println("wrote " + key.kind() + " \"" + name + "\" to " + file + " (mode 0600"
                    + key.protection() + "): give it to " + name + " only; never share one key between agents");
            root.io.out.println(identity.recipient());
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", description = {
            "Record a key made elsewhere in the manifest: NAME -> RECIPIENT.",
            "The key was made by `vault init` or `vault identity new` in another vault, or by",
            "age-keygen; its holder sends you the recipient (public key) and keeps the",
            "private key. `vault set` without --reader makes it a reader too; `vault grant`",
            "adds it to existing secrets."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        IdentityCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "Who or what holds it, such as alice or deploy-agent.")
        String name;

        @Parameters(index = "1", paramLabel = "RECIPIENT", description = "Its age recipient: age1… or age1pq1….")
        String recipient;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note for the manifest on who holds it.")
        String note;

        @Override
        public Integer call() throws VaultException {
            VaultCommand root = parent.root;
            requireIdentityName(name);
            String problem = AgeKeys.recipientProblem(recipient);
            if (problem != null) {
                throw VaultException.failed("invalid recipient for \"" + name + "\": " + problem,
                        "a recipient is the age1… line that `vault init` or `vault identity new` printed "
                                + "(or age-keygen -y FILE prints)");
            }
            root.openVault().addIdentity(name, recipient, note);
            root.io.out.println("recorded \"" + name + "\" in the manifest; `vault grant SECRET " + name
                    + "` lets it read a secret");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List the identities in the manifest: name, recipient, note.")
    static final class ListIdentities implements Callable<Integer> {
        @ParentCommand
        IdentityCommand parent;

        @Option(names = "--json", description = "Print JSON (docs/json.md).")
        boolean json;

        @Override
        public Integer call() throws VaultException {
            VaultCommand root = parent.root;
            List<Manifest.IdentityEntry> identities = root.openVault().manifest().identities();
            if (json) {
                Json.write(root.io.out, out -> {
                    out.writeStartArray();
                    for (Manifest.IdentityEntry identity : identities) {
                        out.writeStartObject();
                        out.writeStringField("name", identity.name());
                        out.writeStringField("recipient", identity.recipient());
                        out.writeStringField("note", identity.note());
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                });
                return ExitCodes.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "RECIPIENT", "NOTE"});
            for (Manifest.IdentityEntry identity : identities) {
                rows.add(new String[] {identity.name(), identity.recipient(),
                        identity.note() == null ? "" : identity.note()});
            }
            Table.print(root.io.out, rows);
            return ExitCodes.OK;
        }
    }
}
