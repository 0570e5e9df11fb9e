package dev.vault.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.math.ec.rfc7748.X25519;

import java.util.Arrays;
import java.util.List;

/**
 * One X25519 identity key: unwraps the file key from an {@code X25519} stanza as age does (C2SP age.md),
 * with Bouncy Castle's lightweight X25519, HKDF and ChaCha20-Poly1305, so no JCA provider is started.
 * Both decrypt paths use it: {@link X25519Decryptor} directly and Jagged's through {@link X25519StanzaReader}.
 */
final class X25519Unwrapper {
    static final String TYPE = "X25519";
    private static final String LABEL = "age-encryption.org/v1/X25519";
    private static final int KEY_LENGTH = 32;
    private static final int BODY_LENGTH = 32;
    /** The base point, u = 9. Through the ladder rather than scalarMultBase, whose Ed25519 tables cost start-up. */
    private static final byte[] BASE_POINT = new byte[KEY_LENGTH];

    static {
        BASE_POINT[0] = 9;
    }

    private final byte[] secret;
    private final PublicKeyThread publicKey;

    private X25519Unwrapper(byte[] secret, PublicKeyThread publicKey) {
        this.secret = secret;
        this.publicKey = publicKey;
    }

    /**
     * The key whose 32-byte scalar is {@code secret} (copied; the caller wipes its own). Its public key, one
     * scalar multiplication (about 3 ms of a start, in the interpreter), is derived on a thread of its own when
     * {@code inBackground}, so that a {@code get} reads the manifest meanwhile, else right here;
     * {@link #publicKey} waits for it.
     */
    static X25519Unwrapper of(byte[] secret, boolean inBackground) {
        if (secret.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 key is 32 bytes, found " + secret.length);
        }
        byte[] copy = secret.clone();
        PublicKeyThread publicKey = new PublicKeyThread(copy);
        if (inBackground) {
            publicKey.start();
        } else {
            publicKey.run();
        }
        return new X25519Unwrapper(copy, publicKey);
    }

    /** The 32-byte public key, a copy. */
    byte[] publicKey() {
        return publicKey.result();
    }

    /** Derives a public key, on this thread when started, else on the caller's; {@link #result} waits for it. */
    private static final class PublicKeyThread extends Thread {
        private final byte[] secret;
        private final byte[] publicKey = new byte[KEY_LENGTH];
        private Throwable failure;

        PublicKeyThread(byte[] secret) {
            super("vault-x25519-public-key");
            setDaemon(true);
            this.secret = secret;
        }

        @Override
        public void run() {
            try {
                X25519.scalarMult(secret, 0, BASE_POINT, 0, publicKey, 0);
            } catch (Throwable e) {
                // kept for result() to throw on the caller's thread, not printed by the thread's default handler
                failure = e;
            }
        }

        byte[] result() {
            boolean interrupted = false;
            while (true) {
                try {
                    // returns at once when the thread was never started: run() was called directly
                    join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            // join() orders the thread's writes before these reads
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException("the X25519 public key could not be derived", failure);
            }
            return publicKey.clone();
        }
    }

    /**
     * The 16-byte file key of an {@code X25519} stanza, or null when the stanza was not made for this key (its
     * body does not authenticate). A stanza that breaks the spec (not exactly one argument, a share that is
     * not 32 bytes of canonical base64, a body that is not 32 bytes, a share giving the all-zero secret)
     * refuses the whole file, as age does, whichever key it was meant for.
     */
    byte[] unwrap(List<String> arguments, byte[] body) throws MalformedStanzaException {
        if (arguments.size() != 1) {
            throw new MalformedStanzaException("X25519 stanza has " + arguments.size() + " arguments, expected 1");
        }
        byte[] share;
        try {
            share = AgeBase64.decode(arguments.get(0));
        } catch (IllegalArgumentException e) {
            throw new MalformedStanzaException("X25519 stanza share is not canonical base64");
        }
        if (share.length != KEY_LENGTH) {
            throw new MalformedStanzaException("X25519 stanza share is " + share.length + " bytes, expected 32");
        }
        if (body.length != BODY_LENGTH) {
            throw new MalformedStanzaException("X25519 stanza body is " + body.length + " bytes, expected 32");
        }
        byte[] shared = new byte[KEY_LENGTH];
        byte[] wrapKey = null;
        try {
            if (!X25519.calculateAgreement(secret, 0, share, 0, shared, 0)) {
                throw new MalformedStanzaException("X25519 stanza share gives the all-zero shared secret");
            }
            byte[] salt = Arrays.copyOf(share, 2 * KEY_LENGTH);
            System.arraycopy(publicKey(), 0, salt, KEY_LENGTH, KEY_LENGTH);
            wrapKey = HmacSha256.hkdf(shared, salt, LABEL, KEY_LENGTH);
            return FileKeyWrap.open(wrapKey, body);
        } catch (InvalidCipherTextException e) {
            return null;
        } finally {
            Arrays.fill(shared, (byte) 0);
            if (wrapKey != null) {
                Arrays.fill(wrapKey, (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "X25519Unwrapper[" + AgeKeys.encode("age", publicKey()) + "]";
    }
}
