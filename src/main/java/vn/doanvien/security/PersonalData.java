package vn.doanvien.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data (Decree 13/2023): national ID, passport number and phone.
 * <ul>
 * <li>{@link #hash} is a keyed HMAC-SHA256, used to find duplicates and to search without reading values back;</li>
 * <li>{@link #encrypt} is AES-256-GCM with a synthetic IV (an HMAC of the value), so the same value always
 * encrypts the same way: equality queries on the encrypted column keep working, and only equality leaks,
 * which the hash reveals anyway;</li>
 * <li>{@link #mask} keeps the last four characters; {@link #visible} masks for every caller who is not an admin
 * or an officer (whose scope the {@link ScopeGuard} has already checked).</li>
 * </ul>
 */
public final class PersonalData {

    static final String PREFIX = "e1:";
    private static final int IV_BYTES = 12;
    private static final byte[] FILE_MARKER = {'d', 'v', 'f', '1'};
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalData() {
    }

    /** Keyed hash of a value, 64 hex characters; null stays null. */
    public static String hash(String value) {
        if (value == null) {
            return null;
        }
        return HexFormat.of().formatHex(hmac("v|" + value));
    }

    public static String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = Arrays.copyOf(hmac("iv|" + plain), IV_BYTES);
            // A new Cipher each time: a GCM cipher refuses to encrypt twice with the same key and IV, which the
            // synthetic IV gives for the same value.
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /** The clear value; a value stored before encryption was introduced (no prefix) is returned as it is. */
    public static String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(), new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt personal data: wrong doanvien.security.data-key?");
        }
    }

    /**
     * A file (an uploaded member list) encrypted for storage: AES-256-GCM with a random IV, behind a 4-byte
     * marker so that {@link #openFile} recognises it.
     */
    public static byte[] sealFile(byte[] plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(SecurityKeys.get().encryptionKey, "AES"),
                    new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(FILE_MARKER.length + iv.length + sealed.length).put(FILE_MARKER).put(iv)
                    .put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a file", e);
        }
    }

    /** The clear file; a file stored before encryption was introduced (no marker) is returned as it is. */
    public static byte[] openFile(byte[] stored) {
        if (stored == null || stored.length < FILE_MARKER.length
                || !Arrays.equals(stored, 0, FILE_MARKER.length, FILE_MARKER, 0, FILE_MARKER.length)) {
            return stored;
        }
        try {
            int start = FILE_MARKER.length;
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(SecurityKeys.get().encryptionKey, "AES"),
                    new GCMParameterSpec(128, stored, start, IV_BYTES));
            return cipher.doFinal(stored, start + IV_BYTES, stored.length - start - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored file: wrong doanvien.security.data-key?");
        }
    }

    /** {@code ********1234}: the last four characters; shorter values are fully masked. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replace(" ", "");
        if (compact.length() <= 4) {
            return "****";
        }
        return "********" + compact.substring(compact.length() - 4);
    }

    /** The value in clear for an admin or an officer, masked for anyone else; clear outside an HTTP request. */
    public static String visible(String value) {
        if (value == null) {
            return null;
        }
        return mayReadPersonalData() ? value : mask(value);
    }

    static boolean mayReadPersonalData() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()
                || arc.instance(CurrentVertxRequest.class).get().getCurrent() == null) {
            return true;
        }
        SecurityIdentity identity = arc.instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return false;
        }
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.OFFICER);
    }

    private static byte[] hmac(String text) {
        // doFinal resets the Mac to its key, so a thread's instance is reused; init only when the key object
        // changes (it is loaded once). A bulk sync hashes and encrypts several values per member.
        Keyed<Mac> keyed = MAC.get();
        byte[] key = SecurityKeys.get().macKey;
        try {
            if (keyed.key != key) {
                keyed.value.init(new SecretKeySpec(key, "HmacSHA256"));
                keyed.key = key;
            }
            return keyed.value.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            keyed.key = null;
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec aesKey() {
        byte[] key = SecurityKeys.get().encryptionKey;
        SecretKeySpec spec = aesKey;
        if (spec == null || !Arrays.equals(spec.getEncoded(), key)) {
            spec = new SecretKeySpec(key, "AES");
            aesKey = spec;
        }
        return spec;
    }

    /** A per-thread algorithm instance and the key it was initialised with. */
    private static final class Keyed<T> {
        final T value;
        byte[] key;

        Keyed(T value) {
            this.value = value;
        }
    }

    private static volatile SecretKeySpec aesKey;

    private static final ThreadLocal<Keyed<Mac>> MAC = ThreadLocal.withInitial(() -> {
        try {
            return new Keyed<>(Mac.getInstance("HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
}
