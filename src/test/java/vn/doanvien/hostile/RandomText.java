package vn.doanvien.hostile;

import java.util.Random;

/**
 * Random text and date-like strings for the hostile-input properties, drawn from a seeded {@link Random} so that a
 * failure repeats: each test prints its seed and case number in its assertion messages.
 */
final class RandomText {

    /** Letters, marks, joiners, bidi controls, emoji, control characters and a lone surrogate. */
    private static final String ODD = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠẰẮẲẴẶ \t\u0300\u0301\u200d\u200b"
            + "\u202e\ufeff😀👩‍👩‍👧\u0000\u0007\u001b\u001f\u007f\u0085\ud800\udc00ｆ'\";%_\\<>";

    private static final String[] FIXED = {"Nguyễn Văn An", "Robert'); DROP TABLE member;--",
            "<script>alert(1)</script>", "😀👩‍👩‍👧", "\ud83d", "a\u0000b", "ｆｕｌｌ", "e\u0301", "\u202eevil", "%_\\"};

    private RandomText() {
    }

    /** Any UTF-16 code unit, surrogates and control characters included. */
    static String anyChars(Random random, int min, int max) {
        StringBuilder sb = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(0x10000));
        }
        return sb.toString();
    }

    /** Characters from {@code from} to {@code to}, inclusive. */
    static String range(Random random, char from, char to, int min, int max) {
        StringBuilder sb = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            sb.append((char) (from + random.nextInt(to - from + 1)));
        }
        return sb.toString();
    }

    /** Code points picked from a list (emoji stay whole unless the list holds half of one). */
    static String pick(Random random, String chars, int min, int max) {
        int[] points = chars.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return sb.toString();
    }

    /** Mix of the kinds above: any code unit, Latin with controls, Vietnamese and odd characters, fixed nasties. */
    static String any(Random random, int minLength) {
        return switch (random.nextInt(5)) {
            case 0 -> anyChars(random, minLength, 40);
            case 1 -> range(random, '\u0000', '\u024f', minLength, 30);
            case 2, 3 -> pick(random, ODD, minLength, 30);
            default -> {
                String s = FIXED[random.nextInt(FIXED.length)];
                yield s.length() >= minLength ? s : s + "x";
            }
        };
    }

    /** Names: as {@link #any}, non-empty, sometimes 256 characters long. */
    static String name(Random random) {
        return random.nextInt(10) == 0 ? anyChars(random, 256, 256) : any(random, 1);
    }

    /** Strings that look like dates: formatted numbers in and out of range, or date-ish characters at random. */
    static String dateLike(Random random) {
        if (random.nextBoolean()) {
            int year = -10 + random.nextInt(100_011);
            int month = -1 + random.nextInt(16);
            int day = -1 + random.nextInt(35);
            return String.format("%04d-%02d-%02d", year, month, day);
        }
        return pick(random, "0123456789-+T:/ ", 0, 12);
    }

    /** A string as Java source would show it, so that a failure message can be pasted back into a test. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }
}
