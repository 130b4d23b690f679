package vn.doanvien.security.joining;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.Exports;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
import vn.doanvien.security.CallerScope;
import vn.doanvien.security.Roles;

/** Recruitment leads the registry cannot list yet: employers known only from their workers' join requests. */
@Path("/api/v1/recruitment/unregistered-employers")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
@Tag(name = "Recruitment")
@Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
public class UnregisteredEmployerResource {

    private final JoinRequestService service;
    private final CallerScope scope;

    UnregisteredEmployerResource(JoinRequestService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "Employers not yet registered whose workers asked to join", description = "A worker may ask "
            + "to join (POST /api/v1/join-requests) naming an employer the registry does not know, with the "
            + "province of the workplace: the request goes to that province's federation. Here: one row per such "
            + "employer with pending requests in the caller's reach (tax code, the name the latest worker gave, "
            + "province, the federation, how many workers ask), most workers first. Registering the enterprise "
            + "(POST /api/v1/enterprises with that tax code) attaches the requests to it, and it leaves this list.")
    @APIResponse(responseCode = "200", description = "A page of employers")
    public Page<JoinRequestDtos.UnregisteredEmployer> listUnregisteredEmployers(
            @Context HttpHeaders headers,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), null,
                Map.of("workersAsking", "workersAsking"), "workersAsking");
        return Exports.list(headers, request, p -> service.unregisteredEmployers(scope.reach(), p));
    }
}
