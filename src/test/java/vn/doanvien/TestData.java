package vn.doanvien;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.figures.MembershipLedger;
import vn.doanvien.figures.MembershipSpan;
import vn.doanvien.enterprise.Ownership;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionLink;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitCategory;
import vn.doanvien.organisation.UnitKind;
import vn.doanvien.organisation.UnitLink;

/**
 * Test fixtures written straight to the database, for tests of one feature that need rows of
 * another. Every value that must be unique is made unique, so tests never collide.
 * Inject it with {@code @Inject TestData data;}. Grassroots unions and members are booked in the
 * membership figures like the services do, so figures stay consistent.
 */
@ApplicationScoped
public class TestData {

    private final MembershipLedger ledger;

    TestData(MembershipLedger ledger) {
        this.ledger = ledger;
    }

    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh 12-digit national ID. */
    public static String nationalId() {
        return String.format("%012d", COUNTER.incrementAndGet() % 1_000_000_000_000L);
    }

    /** A fresh 10-digit tax code. */
    public static String taxCode() {
        return String.format("%010d", COUNTER.incrementAndGet() % 10_000_000_000L);
    }

    @Transactional
    public Unit unit(UnitKind kind, Long parentId, LocalDate validFrom) {
        Unit u = new Unit();
        u.kind = kind;
        u.category = kind == UnitKind.UPPER_LEVEL_UNION ? UnitCategory.INDUSTRIAL_ZONE : null;
        u.code = unique(kind.name().substring(0, 3));
        u.name = "Công đoàn " + u.code;
        u.provinceCode = "79";
        u.validFrom = validFrom;
        u.persist();
        if (parentId != null) {
            UnitLink link = new UnitLink();
            link.unitId = u.id;
            link.parentId = parentId;
            link.validFrom = validFrom;
            link.persist();
        }
        return u;
    }

    /** Confederation → provincial federation → upper-level union, all valid from 2020-01-01; returns the three. */
    public Unit[] chain() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        Unit root = unit(UnitKind.CONFEDERATION, null, from);
        Unit province = unit(UnitKind.PROVINCIAL_FEDERATION, root.id, from);
        Unit upper = unit(UnitKind.UPPER_LEVEL_UNION, province.id, from);
        return new Unit[] {root, province, upper};
    }

    @Transactional
    public Enterprise enterprise(Long upperLevelUnitId, int workforce) {
        Enterprise e = new Enterprise();
        e.taxCode = taxCode();
        e.name = "Công ty TNHH " + unique("E");
        e.ownership = Ownership.PRIVATE;
        e.industry = "C";
        e.provinceCode = "79";
        e.workforce = workforce;
        e.workforceAsOf = LocalDate.of(2024, 1, 1);
        e.upperLevelUnitId = upperLevelUnitId;
        e.persist();
        return e;
    }

    @Transactional
    public GrassrootsUnion grassrootsUnion(Long upperLevelUnitId, Long enterpriseId, LocalDate foundedOn) {
        GrassrootsUnion g = new GrassrootsUnion();
        g.code = unique("CDCS");
        g.name = "Công đoàn cơ sở " + g.code;
        g.upperLevelUnitId = upperLevelUnitId;
        g.enterpriseId = enterpriseId;
        g.foundedOn = foundedOn;
        g.status = GrassrootsUnionStatus.ACTIVE;
        g.persist();
        GrassrootsUnionLink link = new GrassrootsUnionLink();
        link.grassrootsUnionId = g.id;
        link.unitId = upperLevelUnitId;
        link.validFrom = foundedOn;
        link.persist();
        ledger.unionLifeChanged(g.id, null, null, foundedOn, null);
        return g;
    }

    @Transactional
    public Member member(Long grassrootsUnionId, String fullName, LocalDate joinedOn) {
        Member m = new Member();
        m.fullName = fullName;
        m.nationality = "VN";
        m.nationalId = nationalId();
        m.grassrootsUnionId = grassrootsUnionId;
        m.joinedOn = joinedOn;
        m.status = MemberStatus.ACTIVE;
        m.cardNumber = unique("T");
        m.persist();
        MembershipPeriod p = new MembershipPeriod();
        p.memberId = m.id;
        p.grassrootsUnionId = grassrootsUnionId;
        p.startOn = joinedOn;
        p.persist();
        ledger.membershipChanged(null, MembershipSpan.open(grassrootsUnionId, joinedOn, false));
        return m;
    }
}
