package vn.doanvien.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every GET whose answer can be a CSV file can be an XLSX workbook too ({@link XlsxWriter}): the document says so
 * in its 200 response, and gives the operation the {@code format} parameter ({@link ExportFormatFilter}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ExportsOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Operation get = path.getGET();
            if (get == null || get.getResponses() == null) {
                continue;
            }
            APIResponse ok = get.getResponses().getAPIResponse("200");
            Content content = ok == null ? null : ok.getContent();
            if (content == null || content.getMediaTypes() == null
                    || !content.getMediaTypes().containsKey(Exports.TEXT_CSV)) {
                continue;
            }
            // a file, whatever the JSON's schema is
            content.addMediaType(Exports.TEXT_CSV, OASFactory.createMediaType().schema(OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.STRING)).description("UTF-8 with a byte-order mark, a header "
                            + "row of the JSON field names")));
            content.addMediaType(Exports.XLSX, OASFactory.createMediaType().schema(OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.STRING)).format("binary").description("A workbook: Vietnamese "
                            + "headers, typed cells, frozen header row, autofilter")));
            boolean declared = get.getParameters() != null && get.getParameters().stream()
                    .anyMatch(p -> ExportFormatFilter.PARAMETER.equals(p.getName()));
            if (!declared) {
                get.addParameter(OASFactory.createParameter().name(ExportFormatFilter.PARAMETER)
                        .in(Parameter.In.QUERY)
                        .description("The answer as a file without an Accept header: csv (UTF-8 with BOM) or xlsx "
                                + "(a workbook with Vietnamese headers); json is the default")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                                .enumeration(List.of("json", "csv", "xlsx"))));
            }
        }
    }
}
