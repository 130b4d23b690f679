package vn.doanvien.training;

/** The post an official holds in a union committee (chủ tịch, phó chủ tịch, ủy viên BCH, ủy ban kiểm tra...). */
public enum OfficialPost {
    CHAIR,
    VICE_CHAIR,
    EXECUTIVE_COMMITTEE,
    INSPECTION_COMMITTEE,
    STAFF,
    OTHER
}
