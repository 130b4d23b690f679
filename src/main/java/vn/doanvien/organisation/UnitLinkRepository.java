package vn.doanvien.organisation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries on the dated parent links of units. */
@ApplicationScoped
public class UnitLinkRepository implements PanacheRepository<UnitLink> {
}
