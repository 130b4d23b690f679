package vn.doanvien.grassroots;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries on the dated placements of grassroots unions under upper-level units. */
@ApplicationScoped
public class GrassrootsUnionLinkRepository implements PanacheRepository<GrassrootsUnionLink> {
}
