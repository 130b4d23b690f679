package vn.doanvien.grassroots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Params;

/** Grassroots unions as people name them in parameters: an id, or the code printed on the union's papers. */
@ApplicationScoped
@Transactional
public class UnionRefs {

    private final GrassrootsUnionRepository unions;

    UnionRefs(GrassrootsUnionRepository unions) {
        this.unions = unions;
    }

    /** The union a parameter names, or null when it is absent; 400 naming the parameter for an unknown code. */
    public Long union(String name, String value) {
        if (value == null || value.isEmpty() || value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Params.id(name, value);
        }
        String code = value.trim();
        return unions.findByCode(code).or(() -> unions.findByCodeIgnoringCase(code)).map(g -> g.id)
                .orElseThrow(() -> ApiProblem.invalid(name, "no grassroots union with the id or code " + code));
    }
}
