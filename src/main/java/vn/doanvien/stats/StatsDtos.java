package vn.doanvien.stats;

import vn.doanvien.figures.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.common.Exports;
import vn.doanvien.figures.Figures;

/** The DTOs of membership statistics. */
public final class StatsDtos {

    private StatsDtos() {
    }

    /** What membership statistics are grouped by. */
    public enum GroupBy {
        CHILD_UNIT(null),
        PROVINCE(Dimension.PROVINCE),
        OWNERSHIP(Dimension.OWNERSHIP),
        INVESTOR_COUNTRY(Dimension.INVESTOR_COUNTRY),
        INDUSTRY(Dimension.INDUSTRY),
        SIZE_BAND(Dimension.SIZE_BAND),
        GENDER(Dimension.GENDER),
        AGE_BAND(Dimension.AGE_BAND),
        NATIONALITY(Dimension.NATIONALITY),
        GENDER_AGE_BAND(Dimension.GENDER_AGE_BAND),
        OWNERSHIP_INDUSTRY(Dimension.OWNERSHIP_INDUSTRY),
        OWNERSHIP_SIZE_BAND(Dimension.OWNERSHIP_SIZE_BAND);

        private final Dimension dimension;

        GroupBy(Dimension dimension) {
            this.dimension = dimension;
        }

        /** The dimension of the figures this grouping reads (none for CHILD_UNIT: the child units' own figures). */
        public Dimension dimension() {
            return dimension;
        }
    }

    /** A period length of a series. */
    public enum Interval {
        MONTH, QUARTER, YEAR
    }

    /** One group of membership statistics. */
    @Schema(name = "MembershipStatsRow")
    public record MembershipRow(
            @Schema(description = "The group: a unit or grassroots union code (CHILD_UNIT), a province code, an "
                    + "ownership type, an ISO country code, a VSIC section letter, a gender or an age band; "
                    + "NO_ENTERPRISE for unions outside enterprises, NONE for enterprises without an investor "
                    + "country; for two dimensions crossed (GENDER_AGE_BAND...) both values joined by | "
                    + "(FEMALE|UNDER_25, FOREIGN_INVESTED|C); UNKNOWN where the member's record has no value; NOT_SPLIT for what the rows cannot "
                    + "split (figures that units reported and grassroots unions' monthly counts, which replace the "
                    + "registry's in the total but are not kept member by member), so that the rows add up to the "
                    + "total; TOTAL in the total")
            String key,
            @Schema(description = "A readable name of the group: the unit's name, or the value's label in Vietnamese, "
                    + "or in English with Accept-Language: en") String label,
            @Schema(description = "The unit or grassroots union, for CHILD_UNIT rows") Long id,
            @Schema(description = "Members active on asOf") long activeMembers,
            @Schema(description = "Active grassroots unions on asOf; null for GENDER and AGE_BAND")
            Long grassrootsUnions,
            @Schema(description = "Joins in [from, asOf] (transfers are not joins)") long joined,
            @Schema(description = "Departures in [from, asOf] (transfers are not departures)") long left,
            @Schema(description = "Workers of the enterprises of the group's active grassroots unions where the "
                    + "workforce is known; null for GENDER and AGE_BAND") Long workforce,
            @Schema(description = "100 x members of those unions / workforce, 2 decimals; null without workforce")
            Double membersPer100Workers) {
    }

    /** Membership statistics of a unit's subtree, grouped. */
    @Schema(name = "MembershipStats")
    public record MembershipResponse(
            long unitId,
            String unitCode,
            String unitName,
            GroupBy groupBy,
            @Schema(description = "The filter asked for (DIMENSION:VALUE), or null") String where,
            @Schema(description = "First day of the period of joins and departures") LocalDate from,
            @Schema(description = "Day of the active counts, last day of the period") LocalDate asOf,
            List<MembershipRow> rows,
            @Schema(description = "The whole subtree, from the maintained figures with reported figures and "
                    + "member counts where units reported them (as target progress); with a filter, the sum of the "
                    + "rows, from the registry") MembershipRow total,
            @Schema(description = "Source of the total: REGISTRY, REPORTED or COMBINED") Figures.Source source)
            implements Exports.Table {

        @Override
        public List<?> csvRows() {
            List<MembershipRow> all = new ArrayList<>(rows);
            all.add(total);
            return all;
        }

        @Override
        public Class<?> csvRowType() {
            return MembershipRow.class;
        }
    }

    /** One period of a series. */
    @Schema(name = "MembershipSeriesPoint")
    public record SeriesPoint(
            @Schema(example = "2025-Q3", description = "YYYY-MM, YYYY-Qn or YYYY") String period,
            LocalDate start,
            @Schema(description = "The period's last day, or today for the current period") LocalDate end,
            @Schema(description = "Members active at the end") long activeMembers,
            @Schema(description = "Active grassroots unions at the end") long grassrootsUnions,
            long joined,
            long left,
            @Schema(description = "Change of activeMembers over the period: joined - left + transfers in - "
                    + "transfers out, and any correction by reported figures") long net,
            Figures.Source source) {
    }

    /** Membership of a unit's subtree period by period. */
    @Schema(name = "MembershipSeries")
    public record SeriesResponse(long unitId, String unitCode, String unitName, Interval interval,
                                 List<SeriesPoint> points,
                                 @Schema(description = "The same series as a PNG chart, a link that opens in a browser "
                                         + "tab without a token for 10 minutes (signed for the caller)")
                                 String chartUrl) implements Exports.Table {

        public SeriesResponse withChartUrl(String url) {
            return new SeriesResponse(unitId, unitCode, unitName, interval, points, url);
        }
        @Override
        public List<?> csvRows() {
            return points;
        }

        @Override
        public Class<?> csvRowType() {
            return SeriesPoint.class;
        }
    }
}
