package vn.doanvien.organisation;

/** A unit's code and name, for the rows of a breakdown (read without loading the unit). */
public record UnitLabel(long id, String code, String name) {
}
