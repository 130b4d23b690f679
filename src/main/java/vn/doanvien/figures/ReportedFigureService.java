package vn.doanvien.figures;

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

    Saved put(long unitId, YearMonth month, String ifMatch, ReportedFigureRequest req) {
        requireUnit(unitId);
        if (month.isAfter(YearMonth.from(Today.date()))) {
            throw ApiProblem.invalid("month", "must not be in the future");
        }
        if (req.members() == null && req.grassrootsUnions() == null && req.joined() == null && req.left() == null) {
            throw ApiProblem.invalid("members", "at least one of members, grassrootsUnions, joined, left is required");
        }
        ReportedFigure.Key key = new ReportedFigure.Key(unitId, month.atDay(1));
        ReportedFigure figure = reports.findByIdOptional(key).orElse(null);
        boolean created = figure == null;
        if (created) {
            figure = new ReportedFigure();
            figure.key = key;
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

    ReportedFigureResponse get(long unitId, YearMonth month) {
        requireUnit(unitId);
        return reports.findByIdOptional(new ReportedFigure.Key(unitId, month.atDay(1)))
                .map(ReportedFigureResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("Reported figure of unit " + unitId + " for", month));
    }

    List<ReportedFigureResponse> list(long unitId) {
        requireUnit(unitId);
        return reports.ofUnit(unitId).stream().map(ReportedFigureResponse::of).toList();
    }

    void delete(long unitId, YearMonth month) {
        requireUnit(unitId);
        ReportedFigure figure = reports.findByIdOptional(new ReportedFigure.Key(unitId, month.atDay(1)))
                .orElseThrow(() -> ApiProblem.notFound("Reported figure of unit " + unitId + " for", month));
        reports.delete(figure);
    }

    private void requireUnit(long unitId) {
        if (units.findByIdOptional(unitId).isEmpty()) {
            throw ApiProblem.notFound("Unit", unitId);
        }
    }
}
