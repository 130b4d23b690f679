package vn.doanvien.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The key material of the application: the RSA pair that signs access tokens and the secret that protects
 * personal data at rest (split into an AES key and an HMAC key). Each is taken from configuration when given
 * ({@code doanvien.security.signing-key.private} / {@code .public} as PEM, {@code doanvien.security.data-key}
 * as base64 of at least 32 bytes), else read from {@code doanvien.security.key-dir} (default {@code data/keys}),
 * else generated there on the first start and reused afterwards. Loaded once, lazily, so the JPA converter
 * can use it before CDI is up.
 */
public final class SecurityKeys {

    private static final Logger LOG = Logger.getLogger(SecurityKeys.class);
    private static volatile SecurityKeys instance;

    final PrivateKey signingKey;
    final PublicKey verificationKey;
    final byte[] encryptionKey;
    final byte[] macKey;
    /** Signs chart links that open in a browser tab without a token (SignedLinks). */
    final byte[] linkKey;

    private SecurityKeys(KeyPair signing, byte[] dataSecret) {
        this.signingKey = signing.getPrivate();
        this.verificationKey = signing.getPublic();
        this.encryptionKey = derive(dataSecret, "doanvien-encryption");
        this.macKey = derive(dataSecret, "doanvien-hmac");
        this.linkKey = derive(dataSecret, "doanvien-links");
    }

    /** The keys, loaded or generated on first use. */
    public static SecurityKeys get() {
        SecurityKeys keys = instance;
        if (keys == null) {
            synchronized (SecurityKeys.class) {
                keys = instance;
                if (keys == null) {
                    keys = load(ConfigProvider.getConfig());
                    instance = keys;
                }
            }
        }
        return keys;
    }

    public PublicKey verificationKey() {
        return verificationKey;
    }

    private static SecurityKeys load(Config config) {
        Path dir = Path.of(config.getOptionalValue("doanvien.security.key-dir", String.class).orElse("data/keys"));
        try {
            KeyPair signing = signingKeys(config, dir);
            byte[] data = dataSecret(config, dir);
            return new SecurityKeys(signing, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the keys under " + dir.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid key material", e);
        }
    }

    private static KeyPair signingKeys(Config config, Path dir) throws IOException, GeneralSecurityException {
        Optional<String> privatePem = config.getOptionalValue("doanvien.security.signing-key.private", String.class);
        Optional<String> publicPem = config.getOptionalValue("doanvien.security.signing-key.public", String.class);
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        if (privatePem.isPresent() && publicPem.isPresent()) {
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(pem(publicPem.get()))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privatePem.get()))));
        }
        Path privateFile = dir.resolve("signing-private.pem");
        Path publicFile = dir.resolve("signing-public.pem");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(pem(Files.readString(publicFile)))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(privateFile)))));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        write(privateFile, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        write(publicFile, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
        LOG.infof("Generated the token signing key pair in %s", dir.toAbsolutePath());
        return pair;
    }

    private static byte[] dataSecret(Config config, Path dir) throws IOException {
        Optional<String> configured = config.getOptionalValue("doanvien.security.data-key", String.class);
        if (configured.isPresent()) {
            return checked(Base64.getDecoder().decode(configured.get().trim()));
        }
        Path file = dir.resolve("data.key");
        if (Files.exists(file)) {
            return checked(Base64.getDecoder().decode(Files.readString(file).trim()));
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        write(file, Base64.getEncoder().encodeToString(secret) + "\n");
        LOG.infof("Generated the personal data key in %s; back it up with the database", dir.toAbsolutePath());
        return secret;
    }

    private static byte[] checked(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalStateException("doanvien.security.data-key must be at least 32 bytes (base64)");
        }
        return secret;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    private static byte[] pem(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
