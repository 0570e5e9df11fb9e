package dev.vault.core.audit;

import dev.vault.core.VaultException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A checkpoint of the chain in the C2SP signed-note and tlog-checkpoint shape: an origin line, the number
 * of entries, the hash of the last of them (base64), a blank line, then {@code — name signature} lines.
 * Whoever keeps a copy can later prove the log still extends it (docs/audit-format.md).
 */
public final class Checkpoint {
    static final String DASH = "\u2014 ";

    private final String origin;
    private final long size;
    private final String hash;
    private final List<String> signatures;
    /** The exact text the signatures are over: as received, for a checkpoint that was read. */
    private final String signed;

    Checkpoint(String origin, long size, String hash, List<String> signatures) {
        this(origin, size, hash, signatures, null);
    }

    private Checkpoint(String origin, long size, String hash, List<String> signatures, String signed) {
        this.origin = origin;
        this.size = size;
        this.hash = hash;
        this.signatures = signatures;
        this.signed = signed != null ? signed : body();
    }

    /** A checkpoint of the head of a verified chain, signed by {@code key}. */
    public static Checkpoint signed(String origin, VerifyReport verified, CheckpointKey key) throws VaultException {
        if (!verified.ok()) {
            throw new IllegalArgumentException("only a verified chain gets a checkpoint");
        }
        return key.sign(new Checkpoint(origin, verified.headSeq(), verified.headHash(), List.of()));
    }

    public String origin() {
        return origin;
    }

    /** How many entries the log had: the seq of the last one. */
    public long size() {
        return size;
    }

    /** The hash of entry {@code size}, as hex. */
    public String hash() {
        return hash;
    }

    /** The signed text: origin, size and hash lines, each ending in a newline. */
    String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hash)) + "\n";
    }

    List<String> signatures() {
        return signatures;
    }

    /** The bytes a signature line signs: the note's text up to and including the newline before the blank line. */
    String signedText() {
        return signed;
    }

    /** The note: body, blank line, signature lines. */
    public String text() {
        StringBuilder text = new StringBuilder(body()).append('\n');
        for (String signature : signatures) {
            text.append(signature).append('\n');
        }
        return text.toString();
    }

    /** Reads a note; checks its shape only (signatures are checked by {@link CheckpointKey#verify}). */
    public static Checkpoint parse(byte[] bytes, String source) throws VaultException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int split = text.indexOf("\n\n");
        if (split < 0 || !text.endsWith("\n")) {
            throw bad(source, "it is not a signed note (text, a blank line, signature lines)");
        }
        String[] body = text.substring(0, split).split("\n", -1);
        if (body.length != 3 || body[0].isEmpty()) {
            throw bad(source, "it needs exactly an origin, a size and a hash line");
        }
        if (!body[1].matches("0|[1-9][0-9]{0,17}")) {
            throw bad(source, "line 2 is not a number of entries");
        }
        long size = Long.parseLong(body[1]);
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(body[2]);
        } catch (IllegalArgumentException e) {
            hash = new byte[0];
        }
        if (hash.length != 32 || !Base64.getEncoder().encodeToString(hash).equals(body[2])) {
            throw bad(source, "line 3 is not a base64 SHA-256 hash");
        }
        List<String> signatures = new ArrayList<>();
        for (String line : text.substring(split + 2, text.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw bad(source, "\"" + line + "\" is not a signature line (\u2014 NAME SIGNATURE)");
            }
            signatures.add(line);
        }
        return new Checkpoint(body[0], size, HexFormat.of().formatHex(hash), signatures, text.substring(0, split + 1));
    }

    private static VaultException bad(String source, String what) {
        return VaultException.failed("checkpoint \"" + source + "\" is not valid: " + what,
                "use the file `vault audit checkpoint` printed, unchanged");
    }
}
