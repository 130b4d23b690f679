package vn.doanvien.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
import vn.doanvien.idempotency.Idempotency;

/** Users and API keys, for admins. */
@Path("/api/v1")
@Tag(name = "Accounts", description = "Users (bcrypt passwords, one role each) and API keys of machine clients; "
        + "admins only")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AccountResource {

    private final AccountService accounts;
    private final CallerScope scope;
    private final Idempotency idempotency;

    AccountResource(AccountService accounts, CallerScope scope, Idempotency idempotency) {
        this.accounts = accounts;
        this.scope = scope;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/users")
    @Operation(summary = "Create a user", description = "An OFFICER needs unitId, a MEMBER needs memberId.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthDtos.UserResponse.class)))
    public Response createUser(@jakarta.ws.rs.HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @NotNull @Valid AuthDtos.UserCreateRequest body, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), body, () -> {
            AppUser u = accounts.createUser(body.username().trim(), body.password(), body.role(), body.unitId(),
                    body.memberId(), scope.reach());
            return Response.status(201).entity(AuthDtos.UserResponse.of(u)).build();
        });
    }

    @GET
    @Path("/users")
    @Operation(summary = "List users", description = "By username.")
    @APIResponse(responseCode = "200", description = "A page of users")
    public Page<AuthDtos.UserResponse> listUsers(@QueryParam("page") String page, @QueryParam("size") String size) {
        return accounts.listUsers(PageRequest.of(Params.integer("page", page), Params.integer("size", size), null,
                Map.of("username", "username"), "username"), scope.reach());
    }

    @POST
    @Path("/api-keys")
    @Operation(summary = "Create an API key",
            description = "A key for a machine client, acting as an OFFICER of the unit. The key is in this answer "
                    + "only: it is stored as a hash. Send it as X-API-Key: <key> or Authorization: ApiKey <key>.")
    @APIResponse(responseCode = "201", description = "Created; key holds the secret, shown once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthDtos.ApiKeyResponse.class)))
    public Response createApiKey(@jakarta.ws.rs.HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @NotNull @Valid AuthDtos.ApiKeyCreateRequest body, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), body, () -> Response.status(201)
                .entity(accounts.createApiKey(body, scope.caller().name(), scope.reach())).build());
    }

    @GET
    @Path("/api-keys")
    @Operation(summary = "List API keys", description = "Without their secrets.")
    @APIResponse(responseCode = "200", description = "The keys")
    public List<AuthDtos.ApiKeyResponse> listApiKeys() {
        return accounts.listApiKeys(scope.reach());
    }

    @DELETE
    @Path("/api-keys/{id}")
    @Operation(summary = "Revoke an API key", description = "The key stops working at once; the record stays.")
    @APIResponse(responseCode = "200", description = "The revoked key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthDtos.ApiKeyResponse.class)))
    public AuthDtos.ApiKeyResponse revokeApiKey(@PathParam("id") long id) {
        return accounts.revokeApiKey(id, scope.reach());
    }
}
