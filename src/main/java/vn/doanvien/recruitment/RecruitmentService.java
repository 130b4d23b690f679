package vn.doanvien.recruitment;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Today;
import vn.doanvien.enterprise.Ownership;
import vn.doanvien.figures.Figures;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitLabel;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.organisation.UnitTree;
import vn.doanvien.recruitment.CoverageResponse.CoverageRow;

/**
 * Where to recruit next: enterprises without an active grassroots union in a unit's subtree (today's tree), and
 * coverage per child unit. Eligible and unionized counts come from {@link Figures#coverage}, the same numbers
 * the ENTERPRISE_COVERAGE target metric uses.
 */
@ApplicationScoped
@Transactional
class RecruitmentService {

    private final RecruitmentRepository repository;
    private final Figures figures;
    private final UnitRepository units;

    RecruitmentService(RecruitmentRepository repository, Figures figures, UnitRepository units) {
        this.repository = repository;
        this.figures = figures;
        this.units = units;
    }

    Page<LeadResponse> leads(long unitId, int minWorkforce, Ownership ownership, String industry, Reach reach,
                             PageRequest page) {
        Unit unit = units.get(unitId, reach);
        LocalDate today = Today.date();
        Set<Long> subtree = reach.registryPart(figures.tree().subtreeOn(unit.id, today));
        var filter = new RecruitmentRepository.LeadFilter(subtree, minWorkforce, ownership, industry, today);
        return Page.of(repository.leads(filter, page.page(), page.size()), page, repository.countLeads(filter));
    }

    CoverageResponse coverage(long unitId, int minWorkforce, Reach reach) {
        Unit unit = units.get(unitId, reach);
        LocalDate today = Today.date();
        UnitTree tree = figures.tree();
        List<Long> children = tree.childrenOn(unit.id, today);
        Map<Long, UnitLabel> byId = units.labels(children);
        List<CoverageRow> rows = new ArrayList<>();
        for (Long child : children) {
            UnitLabel c = byId.get(child);
            rows.add(row(child, c == null ? null : c.code(), c == null ? null : c.name(), tree, minWorkforce, today));
        }
        rows.sort((a, b) -> {
            int byGap = Long.compare(b.withoutUnion(), a.withoutUnion());
            return byGap != 0 ? byGap : String.valueOf(a.unitName()).compareTo(String.valueOf(b.unitName()));
        });
        CoverageRow total = row(unit.id, "TOTAL", unit.name, tree, minWorkforce, today);
        total = new CoverageRow(null, total.unitCode(), total.unitName(), total.enterprises(), total.unionized(),
                total.withoutUnion(), total.sharePercent(), total.workers(), total.workersCovered());
        return new CoverageResponse(unit.id, unit.code, unit.name, today, minWorkforce, rows, total);
    }

    private CoverageRow row(long unitId, String code, String name, UnitTree tree, int minWorkforce, LocalDate d) {
        long[] counts = figures.coverage(unitId, tree, minWorkforce, d);
        long[] workers = repository.workers(tree.subtreeOn(unitId, d), minWorkforce, d);
        Double share = counts[0] == 0 ? null : Math.round(counts[1] * 10000.0 / counts[0]) / 100.0;
        return new CoverageRow(unitId, code, name, counts[0], counts[1], counts[0] - counts[1], share,
                workers[0], workers[1]);
    }
}
