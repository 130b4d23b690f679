package vn.doanvien.idempotency;

import vn.doanvien.security.Secrets;
import vn.doanvien.security.audit.AuditTrail;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import io.quarkus.security.identity.SecurityIdentity;
import vn.doanvien.security.Caller;
import vn.doanvien.common.ApiProblem;

/**
 * Makes a creating {@code POST} safe to retry. With an {@code Idempotency-Key}, the write and the record of
 * its response commit in one transaction; a retry with the same key and the same request gets the
 * original status, body, {@code Location} and {@code ETag} back without running the write again; the same
 * key with a different request is a 422 problem. Two concurrent requests with one key: the database's
 * primary key lets one commit; the other's write is rolled back and it answers with the winner's response.
 * Failed requests (4xx problems) store nothing, so a corrected retry may reuse the key. Keys belong to the
 * caller (user, API key): the same key from another caller is another key, so nobody can replay, block or
 * probe someone else's answers by guessing their key. An anonymous caller has no identity to hold keys, so its
 * keys are held by the request itself: the client address and the request's fingerprint. A retry of the same
 * request from the same address replays; nothing else can reach that answer (a join request's receipt carries
 * the applicant's secret).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    private static final int PURGE_EVERY = 1000;

    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private final IdempotencyRepository records;
    private final ObjectMapper json;
    private final Duration ttl;
    private final SecurityIdentity identity;

    Idempotency(IdempotencyRepository records, ObjectMapper json, SecurityIdentity identity,
                @ConfigProperty(name = "doanvien.idempotency.ttl", defaultValue = "PT48H") Duration ttl) {
        this.records = records;
        this.json = json;
        this.identity = identity;
        this.ttl = ttl;
    }

    /**
     * Runs {@code write} once per key.
     *
     * @param key     the {@code Idempotency-Key} header, or null to run the write unprotected
     * @param request what identifies the request besides the key: method, path and body
     * @param write   builds the response; it must do its work in a transaction that joins the current one
     */
    public Response execute(String key, String method, String path, Object request, Supplier<Response> write) {
        if (key == null) {
            return write.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiProblem.invalid(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        if (writes.incrementAndGet() % PURGE_EVERY == 0) {
            purgeExpired();
        }
        String hash = hash(method, path, request);
        String caller = callerOf(hash);
        String stored = caller + "\n" + key;
        Optional<Response> earlier = replay(stored, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                Response response = write.get();
                IdempotencyRecord record = new IdempotencyRecord();
                record.key = stored;
                record.caller = caller;
                record.requestHash = hash;
                record.httpStatus = response.getStatus();
                record.responseBody = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
                record.location = response.getLocation() == null ? null : response.getLocation().toString();
                record.etag = response.getHeaderString(HttpHeaders.ETAG);
                record.createdAt = now;
                record.expiresAt = now.plus(ttl);
                records.persist(record);
                records.flush();
                return response;
            });
        } catch (RuntimeException e) {
            // If another request with this key committed first, our write was rolled back (the primary key
            // of the record, or the write's own unique constraints, stopped it): answer as the winner did.
            Optional<Response> winner = replay(stored, key, hash);
            if (winner.isPresent()) {
                return winner.get();
            }
            throw e;
        }
    }

    /** Deletes records past their time; returns how many. */
    public long purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> records.deleteExpired(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /**
     * Who the keys belong to: {@code user:name}, {@code api-key:id}, or for an anonymous caller
     * {@code anonymous:<hash of client address and request>}.
     */
    private String callerOf(String requestHash) {
        Caller caller = Caller.of(identity);
        if (caller.apiKeyId() != null) {
            return "api-key:" + caller.apiKeyId();
        }
        if (caller.role() != null) {
            return "user:" + caller.name();
        }
        AuditTrail.Actor actor = AuditTrail.currentRequestActor();
        String address = actor == null || actor.clientAddress() == null ? "unknown" : actor.clientAddress();
        return "anonymous:" + Secrets.sha256(address + "\n" + requestHash);
    }

    private Optional<Response> replay(String stored, String key, String hash) {
        Optional<IdempotencyRecord> found = QuarkusTransaction.requiringNew()
                .call(() -> records.findLive(stored, OffsetDateTime.now(ZoneOffset.UTC)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = found.get();
        if (!record.requestHash.equals(hash)) {
            throw new ApiProblem(422, "idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key " + key + " was already used for a different request; use a new key",
                    null, null);
        }
        Response.ResponseBuilder builder = Response.status(record.httpStatus).header(REPLAYED_HEADER, "true");
        if (record.responseBody != null) {
            builder.entity(record.responseBody).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (record.location != null) {
            builder.header(HttpHeaders.LOCATION, record.location);
        }
        if (record.etag != null) {
            builder.header(HttpHeaders.ETAG, record.etag);
        }
        LOG.debugf("replayed idempotent response for key %s", key);
        return Optional.of(builder.build());
    }

    private String hash(String method, String path, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(method.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (request != null) {
                digest.update(json.writeValueAsBytes(request));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }
}
