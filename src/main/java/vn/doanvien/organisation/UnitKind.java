package vn.doanvien.organisation;

/** Levels 1–3 of the union organisation; grassroots unions (level 4) are their own resource. */
public enum UnitKind {
    CONFEDERATION,
    PROVINCIAL_FEDERATION,
    SECTORAL_UNION,
    UPPER_LEVEL_UNION
}
