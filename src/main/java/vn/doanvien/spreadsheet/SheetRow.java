package vn.doanvien.spreadsheet;

import java.util.List;

/**
 * One row as a spreadsheet program shows it: its number (1-based, counting every row of the sheet or line of
 * the CSV file, blank ones too, so that it is the number the officer sees) and its cells as text, trailing empty
 * cells removed.
 */
public record SheetRow(int number, List<String> cells) {

    public boolean isBlank() {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
