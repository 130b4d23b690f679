package vn.doanvien.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.doanvien.common.Exports;
import vn.doanvien.common.Problem;
import vn.doanvien.idempotency.Idempotency;
import vn.doanvien.security.CallerScope;
import vn.doanvien.security.Roles;

/** HTTP API of member list imports (CSV or XLSX files), run as jobs; the list template; the rejected rows. */
@Path("/api/v1/imports")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Tag(name = "Sync")
public class ImportResource {

    static final String XLSX = Exports.XLSX;

    private static final String DESCRIPTION = "Send the file as multipart/form-data (field \"file\": curl -F "
            + "file=@ds.xlsx, a browser form, the file picker here) or as the request body (Content-Type text/csv or "
            + "the XLSX type), up to doanvien.import.max-file-size (50 MB by default). CSV: UTF-8 with or without BOM "
            + "(or UTF-16 with one), comma, semicolon or tab separated. XLSX: the sheet named by \"sheet\", else the "
            + "first whose header matches. The header is found within the first 30 rows (a title and blank rows "
            + "above it are fine). Columns are matched by header, in English or Vietnamese, with or without "
            + "diacritics, in any case: fullName/Họ và tên, dateOfBirth/Ngày sinh, gender/Giới tính (Nam, Nữ, "
            + "Khác), nationality/Quốc tịch, nationalId/Số CCCD (a CCCD stored as a number gets its leading zeros "
            + "back), passportNumber/Số hộ chiếu, phone/Số điện thoại, email, grassrootsUnionId/Mã CĐCS (the "
            + "union's code as printed on its papers, or its id), joinedOn/Ngày vào công đoàn or Ngày kết nạp, "
            + "transferredOn/Ngày chuyển, leftOn/Ngày ra khỏi, leaveReason/Lý do, externalId/Mã đoàn viên; others "
            + "(STT, Ghi chú…) are ignored. Dates as date cells, YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY. A file in "
            + "TCVN3 or VNI is refused with how to convert it. The whole file is read before anything is stored: "
            + "an unreadable file or a header without the required columns is a 400 and creates nothing. Rows are "
            + "matched and written as in POST /api/v1/sync/members; a file names each person once. dryRun=true "
            + "plans every row and reports exactly the outcomes, writing nothing. The import runs as a job: 202 "
            + "with its Location; follow GET /api/v1/imports/{id}, then GET /api/v1/imports/{id}/rejected for the "
            + "rows to fix (CSV or XLSX, ready to upload again). Start from GET /api/v1/imports/template.";

    private final ImportService service;
    private final ImportUploads uploads;
    private final CallerScope scope;

    ImportResource(ImportService service, ImportUploads uploads, CallerScope scope) {
        this.service = service;
        this.uploads = uploads;
        this.scope = scope;
    }

    /** The form of a multipart upload, for the OpenAPI document (Swagger UI shows a file picker for "file"). */
    @Schema(name = "ImportUploadForm")
    public record UploadForm(@Schema(type = SchemaType.STRING, format = "binary", required = true,
                                     description = "The CSV or XLSX file") String file,
                             @Schema(description = "Grassroots union (id or code) of rows without a Mã CĐCS column")
                             String grassrootsUnionId,
                             @Schema(description = "Sending upper-level union (id or code); scopes externalId")
                             String upperLevelUnitId,
                             @Schema(description = "The worksheet to read (XLSX)") String sheet,
                             @Schema(description = "true: plan and report, write nothing") Boolean dryRun) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a member list file", description = DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.ms-excel",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "202", description = "Accepted; the job runs in the background",
            headers = @Header(name = "Location", description = "URL of the job",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "Empty or unreadable file, no header with the required columns "
            + "in the first 30 rows, a legacy Vietnamese encoding, an unknown sheet, union or unit; no job is created",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "File larger than doanvien.import.max-file-size (50 MB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createImport(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Parameter(description = "Grassroots union (id, or code such as CDCS-HN-00012) of "
                                         + "rows without a Mã CĐCS column") @QueryParam("grassrootsUnionId")
                                 String grassrootsUnionId,
                                 @Parameter(description = "Sending upper-level union (id, or code such as LDLD-24); "
                                         + "scopes externalId") @QueryParam("upperLevelUnitId") String upperLevelUnitId,
                                 @Parameter(description = "The file's name, for the record (a multipart upload "
                                         + "gives it)") @QueryParam("fileName") String fileName,
                                 @Parameter(description = "The worksheet to read (XLSX); by default the first whose "
                                         + "header matches") @QueryParam("sheet") String sheet,
                                 @Parameter(description = "true: read, match and check every row and report the "
                                         + "outcomes a real import would give, writing nothing",
                                         schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dryRun")
                                 String dryRun,
                                 @RestForm("file") FileUpload file,
                                 @RestForm("grassrootsUnionId") String formUnion,
                                 @RestForm("upperLevelUnitId") String formUpper,
                                 @RestForm("sheet") String formSheet,
                                 @RestForm("dryRun") String formDryRun,
                                 @Context UriInfo uriInfo) {
        ImportUploads.Options options = ImportUploads.Options.of(
                ImportUploads.either("grassrootsUnionId", grassrootsUnionId, formUnion),
                ImportUploads.either("upperLevelUnitId", upperLevelUnitId, formUpper),
                fileName, ImportUploads.either("sheet", sheet, formSheet),
                ImportUploads.either("dryRun", dryRun, formDryRun));
        return uploads.fromForm(idempotencyKey, file, options, scope, uriInfo);
    }

    @POST
    @Consumes({"text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", XLSX,
            MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // the same operation as createImport, with the file as the body
    public Response createImportFromBody(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                         @QueryParam("grassrootsUnionId") String grassrootsUnionId,
                                         @QueryParam("upperLevelUnitId") String upperLevelUnitId,
                                         @QueryParam("fileName") String fileName,
                                         @QueryParam("sheet") String sheet,
                                         @QueryParam("dryRun") String dryRun,
                                         InputStream body, @Context UriInfo uriInfo) {
        ImportUploads.Options options = ImportUploads.Options.of(grassrootsUnionId, upperLevelUnitId, fileName,
                sheet, dryRun);
        return uploads.fromBody(idempotencyKey, body, options, scope, uriInfo);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an import job", description = "Its status (RUNNING, DONE, FAILED) and rows done of total, "
            + "by outcome; a dry run's counts are the outcomes a real import would have.")
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
    @Produces({"text/csv", XLSX})
    @Operation(summary = "Download an import's rejected rows",
            description = "The rows to fix, as a file to upload again: \"" + RejectedRows.ROW + "\" (the row in the "
                    + "original file), the original columns under the original header, and \"" + RejectedRows.REASON
                    + "\". CSV (UTF-8 with BOM) by default; XLSX with Accept: " + XLSX + " or ?format=xlsx.")
    @APIResponse(responseCode = "200", description = "The rejected rows so far, in file order",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getImportRejectedRows(@PathParam("id") long id, @Context HttpHeaders headers) {
        RejectedRows rows = service.rejected(id, scope.reach());
        boolean xlsx = headers.getAcceptableMediaTypes().stream().takeWhile(m -> !m.isCompatible(Exports.TEXT_CSV_TYPE))
                .anyMatch(m -> !m.isWildcardType() && m.isCompatible(Exports.XLSX_TYPE));
        StreamingOutput body = xlsx ? rows::writeXlsx : rows::writeCsv;
        return Response.ok(body, xlsx ? XLSX : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-rejected."
                        + (xlsx ? "xlsx" : "csv") + "\"")
                .build();
    }

    @GET
    @Path("/template")
    @Produces(XLSX)
    @Operation(summary = "Download the member list template",
            description = "An empty member list (XLSX) with the headers an import reads, a sheet of notes on each "
                    + "column, lists for Giới tính and checked date cells: a file started from it imports.")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response getImportTemplate() {
        return Response.ok((StreamingOutput) ImportTemplate::write, XLSX)
                .header("Content-Disposition", "attachment; filename=\"mau-danh-sach-doan-vien.xlsx\"")
                .build();
    }
}
