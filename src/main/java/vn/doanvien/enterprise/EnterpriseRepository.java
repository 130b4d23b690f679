package vn.doanvien.enterprise;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries on enterprises. */
@ApplicationScoped
public class EnterpriseRepository implements PanacheRepository<Enterprise> {
}
