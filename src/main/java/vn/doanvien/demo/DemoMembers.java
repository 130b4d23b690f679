package vn.doanvien.demo;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.demo.DemoDataGenerator.UnionPlan;
import vn.doanvien.member.Classification;
import vn.doanvien.member.Gender;
import vn.doanvien.member.Member;
import vn.doanvien.member.MemberClassification;
import vn.doanvien.member.MemberStatus;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.member.PeriodEndReason;

/**
 * The demo members of the grassroots unions {@link DemoDataGenerator} wrote: about {@link #TARGET_MEMBERS} in all,
 * in proportion to each union's workforce, a few foreign workers in foreign-invested enterprises, transfers,
 * departures and deaths, their membership periods and yearly classifications; then card numbers and each union's
 * chair. Draws continue the generator's sequence, so the rows are the same on every load.
 */
final class DemoMembers {

    private static final LocalDate FIRST_JOIN = LocalDate.of(2015, 1, 1);
    private static final int TARGET_MEMBERS = 4000;
    private static final LocalDate REFORM = DemoDataGenerator.REFORM;

    /** What was written. */
    record Counts(int members, int activeMembers, int transfers, int periods, int classifications) {
    }

    /** One member before persisting. */
    private static final class MemberPlan {
        String fullName;
        Gender gender;
        LocalDate dateOfBirth;
        String nationality = "VN";
        String nationalId;
        String passportNumber;
        String phone;
        String email;
        LocalDate joinedOn;
        /** When the member joined the current union; differs from joinedOn after a transfer. */
        LocalDate joinedHere;
        UnionPlan transferredFrom;
        MemberStatus status = MemberStatus.ACTIVE;
        LocalDate leftOn;
        String leaveReason;
    }

    private final EntityManager em;
    private final DemoDraws draws;
    private final DemoWriter writer;
    private final LocalDate end;
    private final List<UnionPlan> allUnions;
    private final Map<String, List<UnionPlan>> unionsByProvince;
    private final Set<String> nationalIds = new HashSet<>();
    private final Set<Integer> usedForeigners = new HashSet<>();
    private int foreigners;
    private int members;
    private int activeMembers;
    private int transfers;
    private int periods;
    private int classifications;

    DemoMembers(EntityManager em, DemoDraws draws, DemoWriter writer, LocalDate end, List<UnionPlan> allUnions,
                Map<String, List<UnionPlan>> unionsByProvince) {
        this.em = em;
        this.draws = draws;
        this.writer = writer;
        this.end = end;
        this.allUnions = allUnions;
        this.unionsByProvince = unionsByProvince;
    }

    Counts generate() {
        membersFor();
        writer.flush();
        finish();
        return new Counts(members, activeMembers, transfers, periods, classifications);
    }

    private void membersFor() {
        int[] sizes = memberCounts();
        for (int i = 0; i < allUnions.size(); i++) {
            UnionPlan u = allUnions.get(i);
            List<MemberPlan> plans = new ArrayList<>();
            for (int k = 0; k < sizes[i]; k++) {
                plans.add(vietnamese(u));
            }
            if (u.dissolvedOn() == null && u.investorCountry() != null && foreigners < DemoCatalog.FOREIGNERS.size()
                    && List.of("KR", "JP", "CN").contains(u.investorCountry()) && !end.isBefore(REFORM.plusDays(30))
                    && draws.nextInt(4) == 0) {
                MemberPlan f = foreigner(u);
                if (f != null) {
                    plans.add(f);
                }
            }
            plans.sort(Comparator.comparing(m -> m.joinedHere));
            for (int k = 0; k < plans.size(); k++) {
                MemberPlan m = plans.get(k);
                // The first (longest-serving) member stays: they chair the union.
                if (k > 0) {
                    fate(u, m);
                }
                if (u.dissolvedOn() != null) {
                    m.status = MemberStatus.LEFT;
                    m.leftOn = u.dissolvedOn();
                    m.leaveReason = "Doanh nghiệp giải thể";
                }
                persistMember(u, m);
            }
        }
    }

    /** Members per union: proportional to the workforce, at least 3, about {@link #TARGET_MEMBERS} in all. */
    private int[] memberCounts() {
        double lo = 0;
        double hi = 1;
        int[] sizes = new int[allUnions.size()];
        for (int iter = 0; iter < 40; iter++) {
            double scale = (lo + hi) / 2;
            int total = 0;
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = Math.max(3, (int) Math.round(allUnions.get(i).workforce() * scale));
                total += sizes[i];
            }
            if (total > TARGET_MEMBERS) {
                hi = scale;
            } else {
                lo = scale;
            }
        }
        return sizes;
    }

    private MemberPlan vietnamese(UnionPlan u) {
        MemberPlan m = new MemberPlan();
        boolean female = draws.nextDouble() < 0.56;
        m.gender = female ? Gender.FEMALE : Gender.MALE;
        String surname = draws.weighted(DemoCatalog.SURNAMES, DemoCatalog.SURNAME_WEIGHTS);
        m.fullName = female
                ? surname + " " + draws.pick(DemoCatalog.FEMALE_MIDDLE) + " " + draws.pick(DemoCatalog.FEMALE_GIVEN)
                : surname + " " + draws.pick(DemoCatalog.MALE_MIDDLE) + " " + draws.pick(DemoCatalog.MALE_GIVEN);
        LocalDate lo = DemoDraws.later(FIRST_JOIN, u.foundedOn());
        LocalDate hi = u.dissolvedOn() != null ? u.dissolvedOn().minusDays(30) : end;
        m.joinedHere = draws.skewRecent(lo, hi, 0.6);
        m.joinedOn = m.joinedHere;
        int age = 19 + (int) Math.min(36, Math.abs(draws.nextGaussian() * 11));
        int year = Math.max(1965, Math.min(2006, m.joinedOn.getYear() - age));
        LocalDate dob = LocalDate.of(year, 1, 1).plusDays(draws.nextInt(365));
        if (dob.plusYears(18).isAfter(m.joinedOn)) {
            dob = dob.minusYears(1);
        }
        m.dateOfBirth = dob;
        String birthProvince = draws.nextDouble() < 0.6 ? u.oldProvinceCode()
                : DemoCatalog.OLD_PROVINCES.get(draws.nextInt(DemoCatalog.OLD_PROVINCES.size())).code();
        m.nationalId = nationalId(birthProvince, female, dob.getYear());
        m.phone = draws.nextDouble() < 0.6 ? "09" + String.format("%08d", draws.nextInt(100_000_000)) : null;
        m.email = draws.nextDouble() < 0.3
                ? TextNormalizer.fold(m.fullName).replace(" ", "") + String.format("%02d", dob.getYear() % 100)
                + "@gmail.com" : null;
        return m;
    }

    /** CCCD: 3-digit birth province, century+gender digit, 2-digit birth year, 6-digit serial. */
    private String nationalId(String birthProvince, boolean female, int birthYear) {
        int centuryGender = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
        String id;
        do {
            id = "0" + birthProvince + centuryGender + String.format("%02d", birthYear % 100)
                    + String.format("%06d", draws.nextInt(1_000_000));
        } while (!nationalIds.add(id));
        return id;
    }

    private MemberPlan foreigner(UnionPlan u) {
        String[] f = null;
        for (int i = 0; i < DemoCatalog.FOREIGNERS.size(); i++) {
            if (!usedForeigners.contains(i) && DemoCatalog.FOREIGNERS.get(i)[0].equals(u.investorCountry())) {
                f = DemoCatalog.FOREIGNERS.get(i);
                usedForeigners.add(i);
                break;
            }
        }
        if (f == null) {
            return null;
        }
        foreigners++;
        MemberPlan m = new MemberPlan();
        m.nationality = f[0];
        m.gender = f[1].equals("F") ? Gender.FEMALE : Gender.MALE;
        m.fullName = f[2];
        m.dateOfBirth = LocalDate.of(1975 + draws.nextInt(20), 1 + draws.nextInt(12), 1 + draws.nextInt(28));
        m.passportNumber = switch (f[0]) {
            case "KR" -> "M" + String.format("%08d", draws.nextInt(100_000_000));
            case "JP" -> "TK" + String.format("%07d", draws.nextInt(10_000_000));
            default -> "E" + String.format("%08d", draws.nextInt(100_000_000));
        };
        // Foreign workers may join since the 2024 Trade Union Law took effect on 1 July 2025.
        m.joinedHere = draws.between(DemoDraws.later(REFORM, u.foundedOn()), end);
        m.joinedOn = m.joinedHere;
        m.email = TextNormalizer.fold(m.fullName).replace(" ", ".") + "@example.com";
        return m;
    }

    /** Some members came by transfer, some left, a very few died. */
    private void fate(UnionPlan u, MemberPlan m) {
        if (u.dissolvedOn() != null || m.passportNumber != null) {
            return;
        }
        if (draws.nextDouble() < 0.012) {
            List<UnionPlan> candidates = unionsByProvince.get(u.provinceCode());
            UnionPlan from = candidates.get(draws.nextInt(candidates.size()));
            LocalDate lo = DemoDraws.later(FIRST_JOIN, from.foundedOn());
            LocalDate latest = m.joinedHere.minusDays(60);
            if (from.id() != u.id() && from.dissolvedOn() == null && lo.isBefore(latest.minusDays(60))) {
                LocalDate joined = draws.between(lo, latest);
                if (!m.dateOfBirth.plusYears(18).isAfter(joined)) {
                    m.transferredFrom = from;
                    m.joinedOn = joined;
                }
            }
        }
        double r = draws.nextDouble();
        LocalDate earliestLeave = m.joinedHere.plusDays(30);
        if (r < 0.085 && earliestLeave.isBefore(end)) {
            m.status = MemberStatus.LEFT;
            m.leftOn = draws.between(earliestLeave, end);
            m.leaveReason = m.dateOfBirth.plusYears(60).isBefore(m.leftOn) ? "Nghỉ hưu"
                    : draws.pick(DemoCatalog.LEAVE_REASONS);
        } else if (r < 0.087 && earliestLeave.isBefore(end)) {
            m.status = MemberStatus.DECEASED;
            m.leftOn = draws.between(earliestLeave, end);
            m.leaveReason = "Từ trần";
        }
    }

    private void persistMember(UnionPlan u, MemberPlan p) {
        Member m = new Member();
        // The card number needs the id; a unique placeholder is replaced in bulk in finish().
        m.cardNumber = "TMP" + (members + 1);
        m.fullName = p.fullName;
        m.dateOfBirth = p.dateOfBirth;
        m.gender = p.gender;
        m.nationality = p.nationality;
        m.nationalId = p.nationalId;
        m.passportNumber = p.passportNumber;
        m.phone = p.phone;
        m.email = p.email;
        m.grassrootsUnionId = u.id();
        m.joinedOn = p.joinedOn;
        m.status = p.status;
        m.leftOn = p.leftOn;
        m.leaveReason = p.leaveReason;
        writer.persist(m);
        members++;
        if (p.status == MemberStatus.ACTIVE) {
            activeMembers++;
        }
        if (p.transferredFrom != null) {
            period(m, p.transferredFrom.id(), p.joinedOn, p.joinedHere, PeriodEndReason.TRANSFER);
            transfers++;
        }
        PeriodEndReason reason = switch (p.status) {
            case ACTIVE -> null;
            case DECEASED -> PeriodEndReason.DECEASED;
            case EXPELLED -> PeriodEndReason.EXPELLED;
            case LEFT -> PeriodEndReason.LEFT;
        };
        period(m, u.id(), p.joinedHere, p.leftOn, reason);
        for (int year = 2024; year <= 2025; year++) {
            LocalDate evaluatedBy = LocalDate.of(year, 12, 15);
            boolean member = p.joinedOn.isBefore(LocalDate.of(year, 10, 1))
                    && (p.leftOn == null || p.leftOn.isAfter(LocalDate.of(year, 12, 31)));
            if (member && !evaluatedBy.isAfter(end) && draws.nextDouble() < 0.85) {
                MemberClassification c = new MemberClassification();
                c.key = new MemberClassification.Key(m.id, year);
                double r = draws.nextDouble();
                c.classification = r < 0.15 ? Classification.EXCELLENT : r < 0.75 ? Classification.GOOD
                        : r < 0.95 ? Classification.AVERAGE : Classification.WEAK;
                writer.defer(c);
                classifications++;
            }
        }
    }

    private void period(Member m, long unionId, LocalDate start, LocalDate endOn, PeriodEndReason reason) {
        MembershipPeriod period = MembershipPeriod.of(m, unionId, start);
        period.endOn = endOn;
        period.endReason = reason;
        writer.defer(period);
        periods++;
    }

    /** Card numbers from the ids, and each active union's longest-serving active member as its chair. */
    private void finish() {
        em.createNativeQuery("update member set card_number = concat('DV', lpad(cast(id as varchar(20)), 10, '0'))"
                + " where card_number like 'TMP%'").executeUpdate();
        em.createNativeQuery("update grassroots_union g set chair_member_id = (select min(m.id) from member m"
                + " where m.grassroots_union_id = g.id and m.status = 'ACTIVE') where g.status = 'ACTIVE'")
                .executeUpdate();
    }
}
