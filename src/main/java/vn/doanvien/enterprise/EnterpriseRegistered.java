package vn.doanvien.enterprise;

/** Fired in the transaction that registers an enterprise (observers may attach what waited for it). */
public record EnterpriseRegistered(long enterpriseId, String taxCode) {
}
