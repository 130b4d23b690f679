package vn.doanvien.grassroots;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries on grassroots unions. */
@ApplicationScoped
public class GrassrootsUnionRepository implements PanacheRepository<GrassrootsUnion> {
}
