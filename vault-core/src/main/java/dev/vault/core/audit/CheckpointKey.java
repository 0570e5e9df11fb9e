package dev.vault.core.audit;

import dev.vault.core.AtomicFiles;
import dev.vault.core.VaultException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The Ed25519 key that signs checkpoints, in the C2SP signed-note encodings: the signer key file holds
 * {@code PRIVATE+KEY+name+keyhash+base64(0x01||seed)}, mode 0600; the verifier key file beside it holds
 * {@code name+keyhash+base64(0x01||public key)}. The key hash is the first 4 bytes of
 * SHA-256(name || 0x0A || 0x01 || public key).
 */
public final class CheckpointKey {
    private static final byte ED25519 = 0x01;
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] publicKey;
    private final byte[] seed;

    private CheckpointKey(String name, byte[] publicKey, byte[] seed) {
        this.name = name;
        this.publicKey = publicKey;
        this.seed = seed;
    }

    public String name() {
        return name;
    }

    /** The signer key at {@code file}; made (with its .pub beside it) when there is none. */
    public static CheckpointKey signer(Path file, String name) throws VaultException {
        try {
            if (!Files.exists(file)) {
                create(file, name);
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (!mode.equals(AtomicFiles.FILE_MODE)) {
                throw VaultException.failed("checkpoint key \"" + file + "\" is accessible by others",
                        "a private key must be readable by its owner only: chmod 600 " + file);
            }
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\+", 5);
            if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
                throw VaultException.failed("checkpoint key \"" + file + "\" is not a signed-note signer key");
            }
            byte[] seed = untyped(Base64.getDecoder().decode(parts[4]));
            byte[] publicKey = untyped(Base64.getDecoder().decode(
                    Files.readString(publicFile(file), StandardCharsets.US_ASCII).trim().split("\\+", 3)[2]));
            return new CheckpointKey(parts[2], publicKey, seed);
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw VaultException.failed("cannot read the checkpoint key \"" + file + "\": " + e.getMessage());
        }
    }

    /** The verifier key in {@code file} (a {@code name+keyhash+base64} line). */
    public static CheckpointKey verifier(Path file) throws VaultException {
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\+", 3);
            if (parts.length != 3) {
                throw VaultException.failed("\"" + file + "\" is not a signed-note verifier key (NAME+HASH+KEY)");
            }
            byte[] publicKey = untyped(Base64.getDecoder().decode(parts[2]));
            if (!parts[1].equals(HexFormat.of().formatHex(keyHash(parts[0], publicKey)))) {
                throw VaultException.failed("verifier key \"" + file + "\" does not match its key hash");
            }
            return new CheckpointKey(parts[0], publicKey, null);
        } catch (NoSuchFileException e) {
            throw VaultException.failed("no checkpoint verifier key at \"" + file + "\"",
                    "name the key that signed the checkpoint with --key FILE");
        } catch (IOException | IllegalArgumentException e) {
            throw VaultException.failed("cannot read the verifier key \"" + file + "\": " + e.getMessage());
        }
    }

    /** Where the verifier key of the signer key {@code file} is kept. */
    public static Path publicFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub");
    }

    private static void create(Path file, String name) throws IOException {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+' || c > '~')) {
            throw new IOException("invalid key name \"" + name + "\"");
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("this Java has no Ed25519: " + e.getMessage());
        }
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] publicKey = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        String hash = HexFormat.of().formatHex(keyHash(name, publicKey));
        AtomicFiles.createFolders(file.getParent());
        String verifier = name + "+" + hash + "+" + Base64.getEncoder().encodeToString(typed(publicKey)) + "\n";
        AtomicFiles.write(publicFile(file), verifier.getBytes(StandardCharsets.US_ASCII));
        String signer = "PRIVATE+KEY+" + name + "+" + hash + "+" + Base64.getEncoder().encodeToString(typed(seed)) + "\n";
        AtomicFiles.createExclusive(file, signer.getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(seed, (byte) 0);
    }

    /** Signs {@code checkpoint}'s body; returns the checkpoint with this key's signature line. */
    Checkpoint sign(Checkpoint checkpoint) throws VaultException {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
            byte[] line = concat(keyHash(name, publicKey), signature.sign());
            List<String> signatures = new ArrayList<>(checkpoint.signatures());
            signatures.add(Checkpoint.DASH + name + " " + Base64.getEncoder().encodeToString(line));
            return new Checkpoint(checkpoint.origin(), checkpoint.size(), checkpoint.hash(), signatures);
        } catch (GeneralSecurityException e) {
            throw VaultException.failed("cannot sign the checkpoint: " + e.getMessage());
        }
    }

    /** True when one of the checkpoint's signature lines is this key's and verifies. */
    public boolean verify(Checkpoint checkpoint) {
        byte[] hash = keyHash(name, publicKey);
        for (String line : checkpoint.signatures()) {
            String[] parts = line.substring(Checkpoint.DASH.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(name)) {
                continue;
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(parts[1]);
                if (bytes.length != 68 || !Arrays.equals(bytes, 0, 4, hash, 0, 4)) {
                    continue;
                }
                PublicKey key = KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, publicKey)));
                Signature signature = Signature.getInstance("Ed25519");
                signature.initVerify(key);
                signature.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
                if (signature.verify(Arrays.copyOfRange(bytes, 4, 68))) {
                    return true;
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not a valid signature by this key; look at the next line
            }
        }
        return false;
    }

    private static byte[] keyHash(String name, byte[] publicKey) {
        byte[] input = concat(concat(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519}), publicKey);
        return Arrays.copyOf(EntryWriter.sha256(input, 0, input.length), 4);
    }

    private static byte[] typed(byte[] key) {
        return concat(new byte[] {ED25519}, key);
    }

    private static byte[] untyped(byte[] typed) throws IOException {
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IOException("not an Ed25519 key");
        }
        return Arrays.copyOfRange(typed, 1, 33);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Override
    public String toString() {
        return "CheckpointKey[" + name + "]";
    }
}
