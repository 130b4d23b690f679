package vn.doanvien.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text the way users type it when searching: no diacritics, {@code đ} as {@code d},
 * lower case, single spaces. {@code "Nguyễn Văn An"} and {@code "nguyen van an"} fold to the same text.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextNormalizer() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return NOT_WORD.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The folded text of several fields, stored in an indexed {@code search_text} column. */
    public static String searchText(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            String folded = fold(part);
            if (!folded.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(folded);
            }
        }
        return sb.toString();
    }

    /** A LIKE pattern matching folded text that contains the folded query; wildcards in the query are escaped. */
    public static String containsPattern(String query) {
        String folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + folded + "%";
    }
}
