package dev.vault.cli;

import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "repair", description = {
        "Move a torn tail of the audit log to audit/quarantine/ and record the repair.",
        "A torn tail is the partial entry a crash during a write leaves. The repair is",
        "recorded in the chain, and nothing is deleted. A changed or damaged entry is",
        "not repaired: that is no crash."})
final class AuditRepairCommand implements Callable<Integer> {
    @ParentCommand
    AuditCommand audit;

    @Override
    public Integer call() throws VaultException {
        String reason = audit.root.auditLog(audit.paths()).repair();
        audit.root.io.out.println(reason == null ? "nothing to repair: the audit log ends with a complete entry"
                : "repaired: " + reason + "; recorded as an audit-repair entry");
        return ExitCodes.OK;
    }
}
