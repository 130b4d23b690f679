package vn.doanvien.sync;

/** Where an import job stands. */
public enum ImportStatus {
    RUNNING, DONE, FAILED
}
