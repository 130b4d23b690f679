package vn.doanvien.organisation;

/** What kind of upper-level union a level-3 unit is. */
public enum UnitCategory {
    DISTRICT,
    INDUSTRIAL_ZONE,
    COMMUNE_WARD,
    LOCAL_SECTORAL,
    CORPORATION,
    OTHER
}
