package vn.doanvien.sync;

/** What a bulk sync did with one item. */
public enum SyncOutcome {
    CREATED, UPDATED, UNCHANGED, REJECTED
}
