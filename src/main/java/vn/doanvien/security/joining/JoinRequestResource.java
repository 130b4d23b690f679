package vn.doanvien.security.joining;

import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
import vn.doanvien.idempotency.Idempotency;
import vn.doanvien.security.ClientInfo;
import vn.doanvien.security.LoginThrottle;
import vn.doanvien.security.Roles;

/** Online joining from the mobile app, and its handling by officers. */
@Path("/api/v1/join-requests")
@Tag(name = "Join requests", description = "Workers ask to join online, without an account; the employer's "
        + "grassroots union (or the upper-level union responsible for it) approves or rejects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JoinRequestResource {

    static final String SECRET_HEADER = "X-Join-Secret";

    private final JoinRequestService service;
    private final LoginThrottle throttle;
    private final Idempotency idempotency;
    private final CallerScope scope;

    JoinRequestResource(JoinRequestService service, LoginThrottle throttle, Idempotency idempotency, CallerScope scope) {
        this.scope = scope;
        this.service = service;
        this.throttle = throttle;
        this.idempotency = idempotency;
    }

    @POST
    @PermitAll
    @SecurityRequirements // open: no credentials needed (security: [] in the OpenAPI document)
    @Operation(summary = "Ask to join",
            description = "No login. The request goes to the active grassroots union of the employer (found by tax "
                    + "code) or, if it has none, to the upper-level union responsible for the employer as a "
                    + "recruitment lead. The answer holds a reference and a secret (shown once) to follow it. "
                    + "Limited per client address (429 with Retry-After).")
    @APIResponse(responseCode = "201", description = "Received",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JoinRequestDtos.Receipt.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response createJoinRequest(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                      @NotNull @Valid JoinRequestDtos.Create body,
                                      @Context UriInfo uri, @Context HttpServerRequest request) {
        String address = ClientInfo.address(request);
        throttle.joinRequest(address);
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), body, () -> {
            JoinRequestDtos.Receipt receipt = service.submit(body, address);
            return Response.created(uri.getAbsolutePathBuilder().path(receipt.reference()).build())
                    .entity(receipt).build();
        });
    }

    @GET
    @Path("/{reference}")
    @PermitAll
    @SecurityRequirements // open: no credentials needed (security: [] in the OpenAPI document)
    @Operation(summary = "Follow a join request",
            description = "The applicant sends the secret of the submission as X-Join-Secret (a wrong secret is "
                    + "answered 404, like an unknown reference); officers of the place and admins need no secret.")
    @APIResponse(responseCode = "200", description = "Status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JoinRequestDtos.Status.class)))
    @APIResponse(responseCode = "401", description = "No secret, and the caller is not an officer or admin",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "403", description = "Without a secret: the request lies outside the officer's unit",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "429", description = "Too many wrong secrets for this reference or from this "
            + "address; retry after the given seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public JoinRequestDtos.Status getJoinRequestStatus(
            @PathParam("reference") String reference,
            @Parameter(description = "The secret returned at submission") @HeaderParam(SECRET_HEADER) String secret,
            @Context HttpServerRequest request) {
        return service.status(reference, secret, ClientInfo.address(request), scope.caller(), scope.reach());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "List join requests",
            description = "Newest first; officers see those that landed in their unit's subtree.")
    @APIResponse(responseCode = "200", description = "A page of join requests")
    public Page<JoinRequestDtos.Response> listJoinRequests(
            @Parameter(description = "PENDING, APPROVED or REJECTED") @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        if (status != null && !status.matches("PENDING|APPROVED|REJECTED")) {
            throw ApiProblem.invalid("status", "must be PENDING, APPROVED or REJECTED");
        }
        return service.list(status, scope.reach(), PageRequest.of(Params.integer("page", page), Params.integer("size", size), null,
                Map.of("createdAt", "createdAt"), "-createdAt"));
    }

    @POST
    @Path("/{reference}/approval")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "Approve a join request",
            description = "Registers the worker as a member (with a card number) of the union the request landed "
                    + "with, or of grassrootsUnionId for a recruitment lead; same rules as registering a member.")
    @APIResponse(responseCode = "200", description = "Approved; memberId is the new member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JoinRequestDtos.Response.class)))
    public JoinRequestDtos.Response approveJoinRequest(@PathParam("reference") String reference,
                                                       @Valid JoinRequestDtos.Approval body) {
        return service.approve(reference, body, scope.caller(), scope.reach());
    }

    @POST
    @Path("/{reference}/rejection")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "Reject a join request", description = "With a reason the applicant can read.")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JoinRequestDtos.Response.class)))
    public JoinRequestDtos.Response rejectJoinRequest(@PathParam("reference") String reference,
                                                      @NotNull @Valid JoinRequestDtos.Rejection body) {
        return service.reject(reference, body.reason(), scope.caller(), scope.reach());
    }
}
