package vn.doanvien.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Dated flows of members and grassroots unions, as one grassroots union or unit produces them. */
final class Flow {

    record Event(LocalDate on, FlowKind kind, long count) {
    }

    private final List<Event> events = new ArrayList<>();

    Flow add(LocalDate on, FlowKind kind, long count) {
        if (on != null && count != 0) {
            events.add(new Event(on, kind, count));
        }
        return this;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    LocalDate start() {
        return events.stream().map(Event::on).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Credits the member flows to the grassroots union's own monthly row. */
    void emitToUnion(long grassrootsUnionId, long sign, Deltas out) {
        for (Event e : events) {
            out.addUnion(grassrootsUnionId, e.on(), e.kind(), sign * e.count());
        }
    }

    /**
     * Credits every flow to the units of the timeline on its date and, where the timeline changes, books
     * the stock carried so far as transfers out of the units left behind and into the units reached.
     */
    void emit(Timeline timeline, long sign, Deltas out) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::on));
        List<Timeline.Segment> segments = timeline.segments();
        long members = 0;
        long unions = 0;
        int next = 0;
        for (int i = 0; i < segments.size(); i++) {
            Timeline.Segment seg = segments.get(i);
            LocalDate until = i + 1 < segments.size() ? segments.get(i + 1).from() : null;
            if (i > 0) {
                Timeline.Segment prev = segments.get(i - 1);
                for (Long u : prev.units()) {
                    if (!seg.units().contains(u)) {
                        out.addUnit(u, seg.from(), FlowKind.TRANSFERS_OUT, sign * members);
                        out.addUnit(u, seg.from(), FlowKind.UNIONS_MOVED_OUT, sign * unions);
                    }
                }
                for (Long u : seg.units()) {
                    if (!prev.units().contains(u)) {
                        out.addUnit(u, seg.from(), FlowKind.TRANSFERS_IN, sign * members);
                        out.addUnit(u, seg.from(), FlowKind.UNIONS_MOVED_IN, sign * unions);
                    }
                }
            }
            while (next < sorted.size() && (until == null || sorted.get(next).on().isBefore(until))) {
                Event e = sorted.get(next++);
                if (e.on().isBefore(seg.from()) && i == 0) {
                    // Before the timeline starts nothing is credited; callers start timelines at the first event.
                    continue;
                }
                for (Long u : seg.units()) {
                    out.addUnit(u, e.on(), e.kind(), sign * e.count());
                }
                members += e.kind().memberSign() * e.count();
                unions += e.kind().unionSign() * e.count();
            }
        }
    }
}
