package vn.doanvien.sync;

import java.nio.charset.StandardCharsets;

/**
 * The rows of an import file already planned, for the rule that a file names each person once: identity keys,
 * external ids and matched members, each to the first row that named it. Kept for the whole file (across its
 * chunks) in open-addressing tables of primitives: keys are 64-bit hashes of the text (a false match between
 * two different people has a probability of about n²/2⁶⁵, 10⁻⁸ for a million rows), 12 bytes a slot, so a
 * file of 500,000 rows costs about 20 MB and not a map of strings.
 */
final class FileMemory {

    private final LongIntTable keys = new LongIntTable();
    private final LongIntTable externalIds = new LongIntTable();
    private final LongIntTable members = new LongIntTable();

    /** The rows of one chunk: item index to row number in the file. */
    EarlierItems chunk(int[] rowNumbers) {
        return new EarlierItems() {
            @Override
            public String byKey(String identityKey) {
                return label(keys.get(hash(identityKey)));
            }

            @Override
            public String byExternalId(String externalId) {
                return label(externalIds.get(hash(externalId)));
            }

            @Override
            public String byMember(long memberId) {
                return label(members.get(memberId));
            }

            @Override
            public void add(int index, String identityKey, String externalId, Long memberId) {
                remember(rowNumbers[index], identityKey, externalId, memberId);
            }
        };
    }

    /** Records a row (also a row read again when a job resumes, which was imported before the restart). */
    void remember(int row, String identityKey, String externalId, Long memberId) {
        if (identityKey != null) {
            keys.putIfAbsent(hash(identityKey), row);
        }
        if (externalId != null) {
            externalIds.putIfAbsent(hash(externalId), row);
        }
        if (memberId != null) {
            members.putIfAbsent(memberId, row);
        }
    }

    private static String label(int row) {
        return row < 0 ? null : "Row " + row + " of this file";
    }

    /** FNV-1a, 64 bits, over the UTF-8 bytes. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A map of long to non-negative int by open addressing (linear probing); -1 for absent. */
    static final class LongIntTable {
        private static final long EMPTY = Long.MIN_VALUE;
        private long[] keys = newKeys(1024);
        private int[] values = new int[1024];
        private int size;
        private boolean hasEmptyKey;
        private int emptyKeyValue;

        int get(long key) {
            if (key == EMPTY) {
                return hasEmptyKey ? emptyKeyValue : -1;
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == EMPTY) {
                    return -1;
                }
                if (keys[i] == key) {
                    return values[i];
                }
            }
        }

        void putIfAbsent(long key, int value) {
            if (key == EMPTY) {
                if (!hasEmptyKey) {
                    hasEmptyKey = true;
                    emptyKeyValue = value;
                }
                return;
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == EMPTY) {
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return;
                }
                if (keys[i] == key) {
                    return;
                }
            }
        }

        int size() {
            return size + (hasEmptyKey ? 1 : 0);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = newKeys(oldKeys.length * 2);
            values = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    putIfAbsent(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static long[] newKeys(int n) {
            long[] k = new long[n];
            java.util.Arrays.fill(k, EMPTY);
            return k;
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
