package vn.doanvien.member;

/** The list filters of GET /members; a null component is not filtered on. */
record MemberFilter(Long grassrootsUnionId, MemberStatus status, Long unitId, Gender gender, String q) {
}
