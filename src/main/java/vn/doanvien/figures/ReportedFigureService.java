package vn.doanvien.figures;

import vn.doanvien.organisation.Unit;
import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.UnitRepository;

/** Official monthly figures that units report for the time before the registry held their members. */
@ApplicationScoped
@Transactional
class ReportedFigureService {

    /** What was stored and whether it was new. */
    record Saved(ReportedFigureResponse figure, boolean created) {
    }

    private final ReportedFigureRepository reports;
    private final UnitRepository units;

    ReportedFigureService(ReportedFigureRepository reports, UnitRepository units) {
        this.reports = reports;
        this.units = units;
    }

    Saved put(long unitId, YearMonth month, String ifMatch, ReportedFigureRequest req, Reach reach) {
        Unit unit = units.getForWrite(unitId, reach);
        if (month.isAfter(YearMonth.from(Today.date()))) {
            throw ApiProblem.invalid("month", "must not be in the future");
        }
        if (req.members() == null && req.grassrootsUnions() == null && req.joined() == null && req.left() == null) {
            throw ApiProblem.invalid("members", "at least one of members, grassrootsUnions, joined, left is required");
        }
        ReportedFigure figure = reports.of(unit, month).orElse(null);
        boolean created = figure == null;
        if (created) {
            figure = new ReportedFigure();
            figure.key = new ReportedFigure.Key(unit.id, month.atDay(1));
        } else {
            ETags.checkIfMatch(ifMatch, figure.version);
        }
        figure.members = req.members();
        figure.grassrootsUnions = req.grassrootsUnions();
        figure.joined = req.joined();
        figure.left = req.left();
        figure.note = req.note() == null || req.note().isBlank() ? null : req.note().trim();
        if (created) {
            reports.persist(figure);
        }
        reports.flush();
        return new Saved(ReportedFigureResponse.of(figure), created);
    }

    ReportedFigureResponse get(long unitId, YearMonth month, Reach reach) {
        return reports.of(units.get(unitId, reach), month)
                .map(ReportedFigureResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("Reported figure of unit " + unitId + " for", month));
    }

    List<ReportedFigureResponse> list(long unitId, Reach reach) {
        return reports.ofUnit(units.get(unitId, reach)).stream().map(ReportedFigureResponse::of).toList();
    }

    void delete(long unitId, YearMonth month, Reach reach) {
        ReportedFigure figure = reports.of(units.getForWrite(unitId, reach), month)
                .orElseThrow(() -> ApiProblem.notFound("Reported figure of unit " + unitId + " for", month));
        reports.delete(figure);
    }
}
