package vn.doanvien.apidoc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import vn.doanvien.enterprise.Ownership;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.member.Gender;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.organisation.UnitCategory;
import vn.doanvien.organisation.UnitKind;
import vn.doanvien.sync.ImportStatus;
import vn.doanvien.target.TargetMetric;
import vn.doanvien.training.Employment;
import vn.doanvien.training.OfficialPost;
import vn.doanvien.training.TrainingAudience;
import vn.doanvien.training.TrainingTopic;

/**
 * Types of the parameters the code reads as text (so that it can answer a 400 naming the parameter): the
 * document says what they take, which Swagger UI shows as a number box, a true/false list, a list of values or
 * a format.
 */
final class ParameterTypes {

    static final String MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    /** A month in a query: YYYY-MM, or a date YYYY-MM-DD read as its month (Params.month). */
    static final String QUERY_MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$";

    private static final Set<String> INTEGERS = Set.of("page", "size", "limit", "minWorkforce", "year", "session");
    private static final Set<String> BOOLEANS = Set.of("topLevel", "subtree", "unionized", "dryRun");
    private static final Set<String> DATES = Set.of("asOf", "activeOn", "from", "to");
    /** Query parameters naming a unit or a union: an id, or a code as on the papers. */
    private static final Set<String> UNIT_REFS = Set.of("unitId", "scopeUnitId", "organisingUnitId", "parentId",
            "upperLevelUnitId", "grassrootsUnionId");
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of(
            "metric", TargetMetric.class, "gender", Gender.class, "post", OfficialPost.class,
            "employment", Employment.class, "topic", TrainingTopic.class, "audience", TrainingAudience.class,
            "kind", UnitKind.class, "category", UnitCategory.class, "ownership", Ownership.class);

    private ParameterTypes() {
    }

    static void type(String path, Parameter p) {
        Schema s = p.getSchema();
        if (s == null) {
            s = OASFactory.createSchema();
            p.setSchema(s);
        }
        if (s.getRef() != null || (s.getEnumeration() != null && !s.getEnumeration().isEmpty())) {
            return;
        }
        String name = p.getName();
        if (p.getIn() == Parameter.In.QUERY && UNIT_REFS.contains(name)) {
            s.setType(List.of(Schema.SchemaType.STRING));
            s.setFormat(null);
            String d = p.getDescription() == null ? "" : p.getDescription().trim();
            if (!d.contains("code")) {
                p.setDescription((d.isEmpty() ? "" : d + (d.endsWith(".") ? " " : ". ")) + "An id (42) or a code as "
                        + "on the papers (" + (name.equals("grassrootsUnionId") ? "CDCS-HN-00012" : "LDLD-01, VGCL")
                        + ").");
            }
            return;
        }
        if (INTEGERS.contains(name)) {
            s.setType(List.of(Schema.SchemaType.INTEGER));
            s.setFormat("int32");
            if (name.equals("page") || name.equals("minWorkforce")) {
                s.setMinimum(java.math.BigDecimal.ZERO);
            } else if (name.equals("size")) {
                s.setMinimum(java.math.BigDecimal.ONE);
                s.setMaximum(java.math.BigDecimal.valueOf(vn.doanvien.common.PageRequest.MAX_SIZE));
            }
        } else if (BOOLEANS.contains(name)) {
            s.setType(List.of(Schema.SchemaType.BOOLEAN));
        } else if (name.equals("month") || (name.equals("from") || name.equals("to"))
                && (path.contains("/series") || path.contains("/chart")
                || p.getDescription() != null && p.getDescription().contains("YYYY-MM") && !p.getDescription()
                .contains("YYYY-MM-DD"))) {
            s.setType(List.of(Schema.SchemaType.STRING));
            boolean query = p.getIn() == Parameter.In.QUERY;
            s.setPattern(query ? QUERY_MONTH_PATTERN : MONTH_PATTERN);
            if (p.getDescription() == null || !p.getDescription().contains("YYYY-MM")) {
                p.setDescription((p.getDescription() == null ? "" : p.getDescription() + " ") + "A month, YYYY-MM.");
            }
            if (query) {
                p.setDescription(p.getDescription() + " A date YYYY-MM-DD is read as its month.");
            }
        } else if (DATES.contains(name)) {
            s.setType(List.of(Schema.SchemaType.STRING));
            s.setFormat("date");
        } else if (ENUMS.containsKey(name)) {
            enumeration(s, ENUMS.get(name));
        } else if (name.equals("status")) {
            Class<? extends Enum<?>> type = path.startsWith("/api/v1/members") ? MemberStatus.class
                    : path.startsWith("/api/v1/grassroots-unions") ? GrassrootsUnionStatus.class
                    : path.startsWith("/api/v1/imports") ? ImportStatus.class : null;
            if (type != null) {
                enumeration(s, type);
            }
        }
    }

    private static void enumeration(Schema s, Class<? extends Enum<?>> type) {
        s.setType(List.of(Schema.SchemaType.STRING));
        s.setEnumeration(Arrays.stream(type.getEnumConstants()).map(e -> (Object) e.name()).toList());
    }
}
