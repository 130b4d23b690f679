package vn.doanvien.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import org.hibernate.Session;

/** Which database this instance runs on: a few statements differ between PostgreSQL and H2 (asked once). */
@ApplicationScoped
public class DatabaseKind {

    private final EntityManager em;
    private volatile Boolean postgres;

    DatabaseKind(EntityManager em) {
        this.em = em;
    }

    public boolean isPostgres() {
        Boolean p = postgres;
        if (p == null) {
            p = em.unwrap(Session.class).doReturningWork(c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = p;
        }
        return p;
    }
}
