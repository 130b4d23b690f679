package vn.doanvien.organisation;

import java.time.LocalDate;

/** Entity to response record: the only way a unit leaves the service. */
final class UnitMapper {

    private UnitMapper() {
    }

    static UnitResponse toResponse(Unit u, Long parentId, String parentName, LocalDate asOf) {
        return new UnitResponse(u.id, u.kind, u.category, u.code, u.name, parentId, parentName, u.provinceCode,
                u.validFrom, u.validTo, u.isActiveOn(asOf), u.version, u.createdAt, u.updatedAt);
    }

    static UnitTreeNodeResponse toTreeNode(Unit u, int depth, Long parentId, String parentName, LocalDate asOf) {
        return new UnitTreeNodeResponse(depth, u.id, u.kind, u.category, u.code, u.name, parentId, parentName,
                u.provinceCode, u.validFrom, u.validTo, u.isActiveOn(asOf), u.version, u.createdAt, u.updatedAt);
    }

    static UnitParentLinkResponse toParentLink(UnitLink link, Unit parent) {
        return new UnitParentLinkResponse(link.parentId, parent == null ? null : parent.code,
                parent == null ? null : parent.name, link.validFrom, link.validTo);
    }
}
