package vn.doanvien.sync;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.UnitRepository;

/** The change feed: what changed after a cursor, in commit order, optionally within a subtree. */
@ApplicationScoped
@Transactional
class ChangeFeedService {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 200;
    private static final String PREFIX = "c1:";

    private final ChangeFeedRepository feed;
    private final UnitRepository units;

    ChangeFeedService(ChangeFeedRepository feed, UnitRepository units) {
        this.feed = feed;
        this.units = units;
    }

    ChangeFeedResponse changes(String since, Integer limit, Long unitId, Reach reach) {
        long after = decode(since);
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<Long> subtree = null;
        if (unitId != null) {
            units.get(unitId, reach);
            subtree = units.subtreeIds(unitId, Today.date());
        }
        List<ChangeFeedRepository.Row> rows = feed.after(after, subtree, reach, n + 1);
        boolean more = rows.size() > n;
        if (more) {
            rows = rows.subList(0, n);
        }
        long last = rows.isEmpty() ? after : rows.get(rows.size() - 1).seq();
        return new ChangeFeedResponse(rows.stream().map(ChangeFeedService::toChange).toList(), encode(last), more);
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiProblem.invalid("since", "is not a cursor of this feed; send nextCursor of a previous answer, "
                + "or nothing to start from the beginning");
    }

    private static ChangeFeedResponse.Change toChange(ChangeFeedRepository.Row r) {
        String path = switch (r.type()) {
            case UNIT -> "/api/v1/units/";
            case ENTERPRISE -> "/api/v1/enterprises/";
            case GRASSROOTS_UNION -> "/api/v1/grassroots-unions/";
            case MEMBER -> "/api/v1/members/";
        };
        return new ChangeFeedResponse.Change(encode(r.seq()), r.type(), r.entityId(), r.operation(), r.unitId(), r.previousUnitId(),
                r.changedAt(), path + r.entityId());
    }
}
