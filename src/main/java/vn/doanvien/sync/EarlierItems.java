package vn.doanvien.sync;

import java.util.HashMap;
import java.util.Map;

/**
 * Items named earlier: in this request, or in the rows of a file before this chunk ({@link FileMemory}). Labels
 * name the earlier item in the words of its source ("Item 3 of this request", "Row 17 of this file"). A later item
 * that names the same person, externalId or member as an earlier one is rejected ({@link SyncPlanner}).
 */
interface EarlierItems {
    String byKey(String identityKey);

    String byExternalId(String externalId);

    String byMember(long memberId);

    void add(int index, String identityKey, String externalId, Long memberId);

    /** The items of one request. */
    final class InRequest implements EarlierItems {
        private final Map<String, Integer> keys = new HashMap<>();
        private final Map<String, Integer> externalIds = new HashMap<>();
        private final Map<Long, Integer> members = new HashMap<>();

        @Override
        public String byKey(String identityKey) {
            return label(keys.get(identityKey));
        }

        @Override
        public String byExternalId(String externalId) {
            return label(externalIds.get(externalId));
        }

        @Override
        public String byMember(long memberId) {
            return label(members.get(memberId));
        }

        @Override
        public void add(int index, String identityKey, String externalId, Long memberId) {
            if (identityKey != null) {
                keys.putIfAbsent(identityKey, index);
            }
            if (externalId != null) {
                externalIds.putIfAbsent(externalId, index);
            }
            if (memberId != null) {
                members.putIfAbsent(memberId, index);
            }
        }

        private static String label(Integer index) {
            return index == null ? null : "Item " + index + " of this request";
        }
    }
}
