package vn.doanvien.sync;

import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import vn.doanvien.security.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.Csv;
import vn.doanvien.common.Params;
import vn.doanvien.common.Problem;
import vn.doanvien.idempotency.Idempotency;
import vn.doanvien.security.PersonalData;

/** HTTP API of member list imports (CSV or XLSX files), run as jobs. */
@Path("/api/v1/imports")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Tag(name = "Sync")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportService service;
    private final ImportRunner runner;
    private final Idempotency idempotency;
    private final CallerScope scope;

    ImportResource(ImportService service, ImportRunner runner, Idempotency idempotency, CallerScope scope) {
        this.scope = scope;
        this.service = service;
        this.runner = runner;
        this.idempotency = idempotency;
    }

    /** What identifies an import request besides its key: the parameters and a digest of the file. */
    record Fingerprint(String fileName, String grassrootsUnionId, String upperLevelUnitId, String sha256) {
    }

    @POST
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a member list file",
            description = "The body is the file: CSV (UTF-8, with or without BOM, comma or semicolon separated, a "
                    + "header row) or XLSX (first worksheet, header in the first row). Columns are matched by header, "
                    + "in English or Vietnamese with or without diacritics: fullName/Họ và tên, dateOfBirth/Ngày "
                    + "sinh, gender/Giới tính (Nam, Nữ, Khác), nationality/Quốc tịch, nationalId/Số CCCD, "
                    + "passportNumber/Số hộ chiếu, phone/Số điện thoại, email, grassrootsUnionId/Mã CĐCS, "
                    + "joinedOn/Ngày vào công đoàn, transferredOn/Ngày chuyển, leftOn/Ngày ra khỏi, "
                    + "leaveReason/Lý do, externalId/Mã đoàn viên; others (STT…) are ignored. Dates as YYYY-MM-DD "
                    + "or DD/MM/YYYY. Rows are matched and written as in POST /api/v1/sync/members. The import runs "
                    + "as a job: 202 with its Location; follow GET /api/v1/imports/{id}.")
    @APIResponse(responseCode = "202", description = "Accepted; the job runs in the background",
            headers = @Header(name = "Location", description = "URL of the job",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "Empty or unreadable file, a header without the required "
            + "columns, or an unknown grassrootsUnionId or upperLevelUnitId; no job is created",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "File larger than the request limit (2 MB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createImport(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Parameter(description = "Grassroots union of rows without a Mã CĐCS column",
                                         example = "1001") @QueryParam("grassrootsUnionId") String grassrootsUnionId,
                                 @Parameter(description = "Sending upper-level union; scopes externalId", example = "7")
                                 @QueryParam("upperLevelUnitId") String upperLevelUnitId,
                                 @Parameter(description = "The file's name, for the record", example = "doan-vien.csv")
                                 @QueryParam("fileName") String fileName,
                                 byte[] body, @Context UriInfo uriInfo) {
        Long union = Params.id("grassrootsUnionId", grassrootsUnionId);
        Long upper = Params.id("upperLevelUnitId", upperLevelUnitId);
        byte[] content = body == null ? new byte[0] : body;
        Fingerprint fingerprint = new Fingerprint(fileName, grassrootsUnionId, upperLevelUnitId, sha256(content));
        Response response = idempotency.execute(idempotencyKey, "POST", "/api/v1/imports", fingerprint, () -> {
            ImportJobResponse job = service.create(content, fileName, union, upper, scope.caller(), scope.reach());
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

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an import job", description = "Its status (RUNNING, DONE, FAILED) and rows done of total.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJobResponse getImport(@PathParam("id") long id) {
        return service.get(id, scope.reach());
    }

    @GET
    @Path("/{id}/rejected")
    @Produces("text/csv")
    @Operation(summary = "Download an import's rejected rows",
            description = "CSV (UTF-8 with BOM, comma separated): row (the row number in the file), reason, and the "
                    + "row's cells joined with ';'.")
    @APIResponse(responseCode = "200", description = "The rejected rows so far, in file order",
            content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getImportRejectedRows(@PathParam("id") long id) {
        StringBuilder csv = new StringBuilder("\uFEFFrow,reason,data\r\n");
        for (ImportRejectedRow r : service.rejected(id, scope.reach())) {
            csv.append(r.key.rowNumber()).append(',').append(quote(Csv.inert(r.reason))).append(',')
                    .append(quote(Csv.inert(PersonalData.decrypt(r.rawLine)))).append("\r\n");
        }
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-rejected.csv\"")
                .build();
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
