package vn.doanvien.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.doanvien.common.Exports;
import vn.doanvien.figures.Figures;

/** Request and response records of the target API. */
final class TargetDtos {

    private TargetDtos() {
    }

    @Schema(name = "TargetCreateRequest")
    record TargetCreateRequest(
            @NotBlank @Size(max = 255) @Schema(example = "15 triệu đoàn viên năm 2028") String name,
            @Size(max = 255) @Schema(example = "Nghị quyết Đại hội XIII Công đoàn Việt Nam") String reference,
            @NotNull @Schema(example = "1") Long scopeUnitId,
            @NotNull TargetMetric metric,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Schema(example = "15000000") BigDecimal targetValue,
            @Min(1) @Max(1000000) @Schema(description = "ENTERPRISE_COVERAGE only; 25 when absent", example = "25")
            Integer minWorkforce,
            @NotNull @Schema(example = "2023-12-31") LocalDate baselineDate,
            @NotNull @Schema(example = "2028-12-31") LocalDate deadline,
            @Schema(description = "Set by allocations; may be given to attach a target to a parent")
            Long parentTargetId) {
    }

    @Schema(name = "TargetUpdateRequest")
    record TargetUpdateRequest(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 255) String reference,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000") BigDecimal targetValue,
            @Min(1) @Max(1000000) Integer minWorkforce,
            @NotNull LocalDate baselineDate,
            @NotNull LocalDate deadline) {
    }

    @Schema(name = "TargetResponse")
    record TargetResponse(Long id, String name, String reference, Long scopeUnitId, String scopeUnitName,
                          TargetMetric metric, BigDecimal targetValue, Integer minWorkforce, LocalDate baselineDate,
                          LocalDate deadline, Long parentTargetId, long version, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {
    }

    @Schema(name = "AllocationItem")
    record AllocationItem(@NotNull @Schema(example = "152") Long unitId,
                          @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Schema(example = "2100000")
                          BigDecimal targetValue) {
    }

    @Schema(name = "AllocationRequest")
    record AllocationRequest(@NotEmpty @Size(max = 2000) List<@Valid @NotNull AllocationItem> allocations) {
    }

    @Schema(name = "Allocation")
    record Allocation(Long targetId, Long unitId, String unitCode, String unitName, BigDecimal targetValue,
                      @Schema(description = "false when the unit is no longer a child of the parent's scope today "
                              + "(re-parented or dissolved); its share then counts as unallocated")
                      boolean current) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AllocationResponse", description = "For additive metrics, allocatedValue is the sum of the "
            + "current allocations; unallocatedValue = targetValue - allocatedValue when positive, "
            + "overAllocatedValue = allocatedValue - targetValue when positive. Null for ENTERPRISE_COVERAGE "
            + "(percentages do not add up).")
    record AllocationResponse(Long targetId, BigDecimal targetValue, BigDecimal allocatedValue,
                              BigDecimal unallocatedValue, BigDecimal overAllocatedValue,
                              List<Allocation> allocations) {
    }

    @Schema(name = "Pace", description = "Average change of the value per month over the trailing months "
            + "(null when that period starts before the data allows)")
    record Pace(Double last3Months, Double last6Months, Double last12Months) {
    }

    @Schema(name = "BreakdownRow")
    record BreakdownRow(
            @Schema(description = "UNIT or GRASSROOTS_UNION") String kind,
            Long unitId, String code, String name, Long targetId,
            @Schema(description = "The allocated target, or when none was allocated a pro-rata target: the "
                    + "row's baseline value times the parent's targetValue / baselineValue")
            Double targetValue,
            boolean targetImplied, double baselineValue, double currentValue, Double percentOfTarget,
            @Schema(description = "targetValue - currentValue; by default rows are sorted by it, biggest first")
            Double gap,
            @Schema(description = "Change of the value per month since the baseline (currentValue - baselineValue "
                    + "over the months from baselineDate to asOf, 30.44 days each); null on the baseline day")
            Double pacePerMonth,
            long joined, long left, long transfersIn, long transfersOut) {
    }

    @Schema(name = "TargetProgress")
    record ProgressResponse(
            Long targetId, String name, TargetMetric metric, Long scopeUnitId, String scopeUnitName,
            LocalDate asOf, LocalDate baselineDate, LocalDate deadline,
            double baselineValue, double currentValue, double targetValue,
            Double percentOfTarget,
            @Schema(description = "(current - baseline) / (target - baseline) in percent") Double percentOfGainAchieved,
            double remaining, long daysLeft,
            @Schema(description = "remaining / months left (an average month is 30.44 days)") Double requiredPerMonth,
            Pace actualPerMonth,
            @Schema(description = "Ordinary least squares of the value against the day over the month-end values of "
                    + "the trailing 12 months (not before the baseline) and asOf itself, evaluated at the deadline")
            Double projectedAtDeadline,
            TargetStatus status,
            @Schema(description = "Gross joins in (baselineDate, asOf]") long joined,
            @Schema(description = "Departures in (baselineDate, asOf]; compare with joined to see churn") long left,
            long transfersIn, long transfersOut,
            @Schema(description = "ENTERPRISE_COVERAGE: enterprises at or above minWorkforce") Long eligibleEnterprises,
            @Schema(description = "ENTERPRISE_COVERAGE: of those, with an active grassroots union") Long coveredEnterprises,
            Figures.Source source,
            @Schema(description = "One row per child target where the target was allocated, else per child unit "
                    + "(per grassroots union under an upper-level union); order: the sort parameter")
            List<BreakdownRow> breakdown,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Present when the target was allocated, absent otherwise") AllocationResponse allocation)
            implements Exports.Table {

        /** The CSV of progress is its breakdown. */
        @Override
        public List<?> csvRows() {
            return breakdown;
        }

        @Override
        public Class<?> csvRowType() {
            return BreakdownRow.class;
        }
    }

    @Schema(name = "SeriesPoint")
    record SeriesPoint(@Schema(example = "2025-06") String month, LocalDate date, Double actual, double required,
                       Long joined, Long left, Figures.Source source) {
    }

    @Schema(name = "TargetSeries")
    record SeriesResponse(Long targetId, TargetMetric metric, double baselineValue, double targetValue,
                          LocalDate baselineDate, LocalDate deadline, List<SeriesPoint> points,
                          @Schema(description = "The same series as a PNG chart, a link that opens in a browser tab "
                                  + "without a token for 10 minutes (signed for the caller)")
                          String chartUrl) implements Exports.Table {

        SeriesResponse withChartUrl(String url) {
            return new SeriesResponse(targetId, metric, baselineValue, targetValue, baselineDate, deadline, points, url);
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

    static Map<String, String> sortable() {
        return Map.of("name", "name", "deadline", "deadline", "metric", "metric", "createdAt", "createdAt",
                "id", "id");
    }
}
