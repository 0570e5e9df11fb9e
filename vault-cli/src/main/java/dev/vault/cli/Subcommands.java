package dev.vault.cli;

import picocli.CommandLine.Command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every subcommand by name, for picocli. Loading this class loads every command class and reads its
 * annotations, so neither {@link VaultCommand} nor {@link Cli}'s own class does it: {@link FastPath} needs
 * neither.
 */
final class Subcommands {
    /**
     * The subcommands, in the order help lists them. Cli registers only the one being run when it can
     * tell which: picocli builds its model of each registered command class by reflection at start-up.
     */
    static final Map<String, Class<?>> BY_NAME = byName(InitCommand.class, IdentityCommand.class,
            SetCommand.class, ImportCommand.class, RotateCommand.class, GetCommand.class, ListCommand.class,
            HistoryCommand.class, RmCommand.class, PurgeCommand.class, GrantCommand.class, RevokeCommand.class,
            RekeyCommand.class, DoctorCommand.class, ExecCommand.class, FingerprintCommand.class, CheckEnvCommand.class,
            WhichCommand.class, AuditCommand.class, GuardCommand.class, RedactCommand.class, DemoCommand.class,
            CompletionCommand.class);

    private static Map<String, Class<?>> byName(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            byName.put(type.getAnnotation(Command.class).name(), type);
        }
        return Collections.unmodifiableMap(byName);
    }

    private Subcommands() {
    }
}
