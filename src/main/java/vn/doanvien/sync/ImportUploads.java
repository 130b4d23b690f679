package vn.doanvien.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Params;
import vn.doanvien.idempotency.Idempotency;
import vn.doanvien.security.CallerScope;

/**
 * Receives an upload (a multipart form's file, which Quarkus has written to its uploads directory, or a request
 * body, copied here to a temporary file), digests it for the idempotency fingerprint, creates the job and starts
 * it after the commit. The file is read from disk, never held whole in memory; the temporary copy is deleted
 * when the request ends.
 */
@ApplicationScoped
class ImportUploads {

    private final ImportService service;
    private final ImportRunner runner;
    private final Idempotency idempotency;
    private final long maxBytes;

    ImportUploads(ImportService service, ImportRunner runner, Idempotency idempotency,
                  @ConfigProperty(name = "doanvien.import.max-file-size")
                  io.quarkus.runtime.configuration.MemorySize maxFileSize) {
        this.service = service;
        this.runner = runner;
        this.idempotency = idempotency;
        this.maxBytes = maxFileSize.asLongValue();
    }

    /** The uploader's parameters, as given (query or form). */
    record Options(String grassrootsUnionId, String upperLevelUnitId, String fileName, String sheet, String dryRun) {
        static Options of(String grassrootsUnionId, String upperLevelUnitId, String fileName, String sheet,
                          String dryRun) {
            return new Options(grassrootsUnionId, upperLevelUnitId, fileName, sheet, dryRun);
        }
    }

    /** A parameter given as a query parameter or a form field: one of them, or the same in both. */
    static String either(String name, String query, String form) {
        if (query != null && form != null && !query.equals(form)) {
            throw ApiProblem.invalid(name, "is given both in the query and in the form, differently; give it once");
        }
        return query != null ? query : form;
    }

    /** What identifies an import request besides its key: the parameters and a digest of the file. */
    record Fingerprint(String fileName, String grassrootsUnionId, String upperLevelUnitId, String sheet,
                       boolean dryRun, String sha256) {
    }

    Response fromForm(String key, FileUpload file, Options options, CallerScope scope, UriInfo uriInfo) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiProblem.invalid("file", "is missing: send the file as the form field \"file\"");
        }
        String name = options.fileName() != null ? options.fileName() : file.fileName();
        return create(key, file.uploadedFile(), options, name, scope, uriInfo);
    }

    Response fromBody(String key, InputStream body, Options options, CallerScope scope, UriInfo uriInfo) {
        Path copy = null;
        try {
            copy = Files.createTempFile("doanvien-import-", ".upload",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(copy)) {
                long n = body == null ? 0 : copy(body, out, maxBytes + 1);
                if (n > maxBytes) {
                    throw new ApiProblem(413, "payload-too-large", "Payload too large",
                            "The file is larger than " + maxBytes + " bytes", null, null);
                }
            }
            return create(key, copy, options, options.fileName(), scope, uriInfo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    private Response create(String key, Path file, Options options, String fileName, CallerScope scope,
                            UriInfo uriInfo) {
        Long union = service.grassrootsUnion("grassrootsUnionId", options.grassrootsUnionId());
        Long upper = service.unit("upperLevelUnitId", options.upperLevelUnitId());
        boolean dryRun = Boolean.TRUE.equals(Params.bool("dryRun", options.dryRun()));
        long size;
        String digest;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            size = in.transferTo(OutputStream.nullOutputStream());
            digest = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Fingerprint fingerprint = new Fingerprint(fileName, options.grassrootsUnionId(), options.upperLevelUnitId(),
                options.sheet(), dryRun, digest);
        ImportService.Upload upload = new ImportService.Upload(file, size, fileName, options.sheet(), dryRun);
        Response response = idempotency.execute(key, "POST", "/api/v1/imports", fingerprint, () -> {
            ImportJobResponse job = service.create(upload, union, upper, scope.caller(), scope.reach());
            return Response.accepted(job).type(MediaType.APPLICATION_JSON)
                    .location(uriInfo.getBaseUriBuilder().path("api/v1/imports").path(String.valueOf(job.id())).build())
                    .build();
        });
        // After the commit: the runner must see the job. A replay starts nothing new (the job is done or running).
        if (response.getEntity() instanceof ImportJobResponse job && job.status() == ImportStatus.RUNNING) {
            runner.start(job.id());
        }
        return response;
    }

    /** Copies at most {@code limit} bytes. */
    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0 && total < limit; n = in.read(buffer)) {
            int keep = (int) Math.min(n, limit - total);
            out.write(buffer, 0, keep);
            total += keep;
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
