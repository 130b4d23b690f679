package vn.doanvien.sync;

/** What happened to an entity; DELETED is a tombstone. */
public enum ChangeOperation {
    CREATED, UPDATED, DELETED
}
