package vn.doanvien.enterprise;

/** The filters of the enterprise list; a null field does not filter. */
record EnterpriseFilter(String provinceCode, Ownership ownership, String industry, String investorCountry,
                        Integer minWorkforce, Boolean unionized, Long upperLevelUnitId, String q) {
}
