package vn.doanvien.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionLink;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitLink;

/** Fixtures of other features that TestData does not offer, written straight to the database. */
@ApplicationScoped
class TrainingFixtures {

    /** Dissolves a grassroots union the way the grassroots feature does: status, date, and its placement closed. */
    @Transactional
    void dissolve(long grassrootsUnionId, LocalDate dissolvedOn) {
        GrassrootsUnion g = GrassrootsUnion.findById(grassrootsUnionId);
        g.dissolvedOn = dissolvedOn;
        g.status = GrassrootsUnionStatus.DISSOLVED;
        GrassrootsUnionLink.<GrassrootsUnionLink>list("grassrootsUnionId = ?1 and validTo is null", grassrootsUnionId)
                .forEach(l -> l.validTo = dissolvedOn);
    }

    /** Dissolves a unit the way the organisation feature does: validTo set and its parent link closed. */
    @Transactional
    void dissolveUnit(long unitId, LocalDate dissolvedOn) {
        Unit u = Unit.findById(unitId);
        u.validTo = dissolvedOn;
        UnitLink.<UnitLink>list("unitId = ?1 and validTo is null", unitId).forEach(l -> l.validTo = dissolvedOn);
    }
}
