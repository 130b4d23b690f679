package vn.doanvien.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.PooledLoOptimizer;
import org.hibernate.id.enhanced.PooledOptimizer;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.doanvien.common.DatabaseKind;
import vn.doanvien.member.Member;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.security.PersonalData;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;
import vn.doanvien.security.audit.AuditTrail;

/**
 * The bulk write of member sync and imports: the members a batch creates and their first stays, in a few round
 * trips per request whatever its size (COPY on PostgreSQL, JDBC batches elsewhere), with the audit trail the entity
 * interceptor would have written.
 */
@ApplicationScoped
@Scoped
class MemberInsertRepository {

    private final EntityManager em;
    private final AuditTrail audit;
    private final DatabaseKind database;

    MemberInsertRepository(EntityManager em, AuditTrail audit, DatabaseKind database) {
        this.em = em;
        this.audit = audit;
        this.database = database;
    }

    /**
     * Inserts new members and their first periods (period i belongs to member i): on PostgreSQL with
     * {@code COPY ... FROM STDIN} in the transaction, elsewhere with JDBC batches. Ids come from the entities'
     * own sequences, a whole request's worth in one query. Their audit trail entries are written too (the
     * entity interceptor does not see these inserts).
     */
    @Unscoped("writes members whose unions were checked against the reach")
    void insert(List<Member> members, List<MembershipPeriod> periods) {
        if (members.isEmpty()) {
            return;
        }
        em.flush();
        boolean pg = database.isPostgres();
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        session.doWork(c -> {
            long[] memberIds = ids(session, c, pg, Member.class, members.size());
            long[] periodIds = ids(session, c, pg, MembershipPeriod.class, periods.size());
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                m.id = memberIds[i];
                m.cardNumber = Member.cardNumberOf(m.id);
                MembershipPeriod p = periods.get(i);
                p.id = periodIds[i];
                p.memberId = m.id;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Object stamp = pg ? now : Timestamp.from(now.toInstant());
            List<Object[]> memberRows = members.stream().map(m -> row(m, stamp)).toList();
            List<Object[]> periodRows = periods.stream().map(MemberInsertRepository::row).toList();
            if (pg) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copyIn(copy, "member", MEMBER_COLUMNS, memberRows);
                copyIn(copy, "membership_period", PERIOD_COLUMNS, periodRows);
            } else {
                batchInsert(c, "member", MEMBER_COLUMNS, memberRows);
                batchInsert(c, "membership_period", PERIOD_COLUMNS, periodRows);
            }
        });
        audit.recordAll(auditEntries(members, periods));
    }

    /** The creations as the audit trail would record them had they gone through Hibernate. */
    private static List<AuditTrail.Entry> auditEntries(List<Member> members, List<MembershipPeriod> periods) {
        List<AuditTrail.Entry> entries = new java.util.ArrayList<>(members.size() * 2);
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("cardNumber", m.cardNumber);
            fields.put("fullName", m.fullName);
            fields.put("dateOfBirth", m.dateOfBirth);
            fields.put("gender", m.gender);
            fields.put("nationality", m.nationality);
            fields.put("nationalId", m.nationalId);
            fields.put("nationalIdHash", m.nationalId == null || m.nationalId.isBlank() ? null : "set");
            fields.put("passportNumber", m.passportNumber);
            fields.put("identityKey", m.identityKey);
            fields.put("phone", m.phone);
            fields.put("email", m.email);
            fields.put("grassrootsUnionId", m.grassrootsUnionId);
            fields.put("joinedOn", m.joinedOn);
            fields.put("status", m.status);
            fields.put("leftOn", m.leftOn);
            fields.put("leaveReason", m.leaveReason);
            fields.put("externalOwnerId", m.externalOwnerId);
            fields.put("externalId", m.externalId);
            entries.add(AuditTrail.created("Member", m.id, null, m.grassrootsUnionId, fields));
            MembershipPeriod p = periods.get(i);
            java.util.Map<String, Object> period = new java.util.LinkedHashMap<>();
            period.put("memberId", p.memberId);
            period.put("grassrootsUnionId", p.grassrootsUnionId);
            period.put("startOn", p.startOn);
            period.put("endOn", p.endOn);
            period.put("endReason", p.endReason);
            entries.add(AuditTrail.created("MembershipPeriod", p.id, null, p.grassrootsUnionId, period));
        }
        return entries;
    }

    private static final String MEMBER_COLUMNS = "id, card_number, full_name, search_text, date_of_birth, gender, "
            + "nationality, national_id, passport_number, identity_key, active_identity_key, phone, email, "
            + "grassroots_union_id, joined_on, status, left_on, leave_reason, version, created_at, updated_at, "
            + "external_owner_id, external_id, national_id_hash";

    private static final String PERIOD_COLUMNS = "id, member_id, grassroots_union_id, start_on, end_on, end_reason";

    /** The values of a member row in {@link #MEMBER_COLUMNS} order, as stored (personal data encrypted). */
    private static Object[] row(Member m, Object now) {
        return new Object[] {m.id, m.cardNumber, m.fullName, m.searchText, m.dateOfBirth,
            m.gender == null ? null : m.gender.name(), m.nationality, PersonalData.encrypt(m.nationalId),
            PersonalData.encrypt(m.passportNumber), m.identityKey, m.activeIdentityKey, PersonalData.encrypt(m.phone),
            m.email, m.grassrootsUnionId, m.joinedOn, m.status.name(), m.leftOn, m.leaveReason, 0L, now, now,
            m.externalOwnerId, m.externalId,
            // The columns Member's converter and derive() fill when Hibernate writes: this insert bypasses them.
            m.nationalId == null || m.nationalId.isBlank() ? null : PersonalData.hash(m.nationalId)};
    }

    private static Object[] row(MembershipPeriod p) {
        return new Object[] {p.id, p.memberId, p.grassrootsUnionId, p.startOn, p.endOn,
            p.endReason == null ? null : p.endReason.name()};
    }

    /** PostgreSQL: the rows into one table with COPY in text format, inside the current transaction. */
    private static void copyIn(CopyManager copy, String table, String columns, List<Object[]> rows)
            throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 200);
        for (Object[] row : rows) {
            copyLine(text, row);
        }
        try {
            copy.copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    /** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void copyLine(StringBuilder out, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            String s = v.toString();
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }

    /** Other databases (H2): the rows into one table with JDBC batches of 500. */
    private static void batchInsert(Connection c, String table, String columns, List<Object[]> rows)
            throws SQLException {
        String marks = String.join(",", Collections.nCopies(columns.split(",").length, "?"));
        try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (" + columns + ") values ("
                + marks + ")")) {
            int n = 0;
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else if (v instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v == null) {
                ps.setObject(i + 1, null);
            } else {
                ps.setString(i + 1, v.toString());
            }
        }
    }

    /**
     * {@code n} fresh ids from the entity's sequence. With Hibernate's pooled optimizers (the default) each
     * sequence value stands for a block of ids that no one else uses, so the blocks a request needs are taken in
     * one query instead of one round trip per block; any other generator is asked id by id.
     */
    private static long[] ids(SessionImplementor session, Connection c, boolean pg, Class<?> entity, int n)
            throws SQLException {
        long[] ids = new long[n];
        Generator generator = session.getFactory().getMappingMetamodel().getEntityDescriptor(entity).getGenerator();
        if (!(generator instanceof SequenceStyleGenerator sequence)
                || !sequence.getDatabaseStructure().isPhysicalSequence()
                || !(sequence.getOptimizer() instanceof PooledLoOptimizer
                        || sequence.getOptimizer() instanceof PooledOptimizer)) {
            BeforeExecutionGenerator each = (BeforeExecutionGenerator) generator;
            for (int i = 0; i < n; i++) {
                ids[i] = (Long) each.generate(session, null, null, EventType.INSERT);
            }
            return ids;
        }
        int size = sequence.getOptimizer().getIncrementSize();
        // pooled-lo: value v stands for [v, v + size); pooled: for (v - size, v] (ids below 1 are skipped).
        boolean lo = sequence.getOptimizer() instanceof PooledLoOptimizer;
        String name = sequence.getDatabaseStructure().getPhysicalName().render();
        int filled = 0;
        while (filled < n) {
            int blocks = (n - filled + size - 1) / size;
            try (PreparedStatement ps = c.prepareStatement(pg
                    ? "select nextval('" + name + "') from generate_series(1, ?)"
                    : "select next value for " + name + " from system_range(1, ?)")) {
                ps.setInt(1, blocks);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long v = rs.getLong(1);
                        long first = lo ? v : v - size + 1;
                        for (long id = Math.max(first, 1); id < first + size && filled < n; id++) {
                            ids[filled++] = id;
                        }
                    }
                }
            }
        }
        return ids;
    }
}
