package vn.doanvien.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Dated flows of members and grassroots unions, as one grassroots union or unit produces them. */
final class Flow {

    /** Where emitted flows go: a unit's own rows, or its rows by one value of a dimension. */
    @FunctionalInterface
    interface Sink {
        void add(long unitId, LocalDate day, FlowKind kind, long n);
    }

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
     * On the day of a change, ending flows (departures, transfers out, dissolutions) are credited before the
     * stock moves, to where the member or union was the day before; starting flows after it.
     */
    void emit(Timeline timeline, long sign, Deltas out) {
        emit(timeline, sign, (Sink) out::addUnit);
    }

    /** As {@link #emit(Timeline, long, Deltas)}, into any sink. */
    void emit(Timeline timeline, long sign, Sink out) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::on).thenComparing(e -> e.kind().isEnding() ? 0 : 1));
        List<Timeline.Segment> segments = timeline.segments();
        if (segments.isEmpty()) {
            return;
        }
        long members = 0;
        long unions = 0;
        int seg = 0;
        for (Event e : sorted) {
            // Move to the segment this event belongs to, carrying the stock across each change on the way.
            while (seg + 1 < segments.size() && startsBeforeOrOn(segments.get(seg + 1).from(), e)) {
                carry(segments.get(seg), segments.get(++seg), members, unions, sign, out);
            }
            if (!e.on().isBefore(segments.get(0).from())) {
                for (Long u : segments.get(seg).units()) {
                    out.add(u, e.on(), e.kind(), sign * e.count());
                }
            }
            members += e.kind().memberSign() * e.count();
            unions += e.kind().unionSign() * e.count();
        }
        // Stock still held when the events run out moves with every later change.
        while (seg + 1 < segments.size()) {
            carry(segments.get(seg), segments.get(++seg), members, unions, sign, out);
        }
    }

    /** Books the stock held at a change of the timeline as transfers out of the units left and into those reached. */
    private static void carry(Timeline.Segment prev, Timeline.Segment next, long members, long unions, long sign,
                              Sink out) {
        for (Long u : prev.units()) {
            if (!next.units().contains(u)) {
                out.add(u, next.from(), FlowKind.TRANSFERS_OUT, sign * members);
                out.add(u, next.from(), FlowKind.UNIONS_MOVED_OUT, sign * unions);
            }
        }
        for (Long u : next.units()) {
            if (!prev.units().contains(u)) {
                out.add(u, next.from(), FlowKind.TRANSFERS_IN, sign * members);
                out.add(u, next.from(), FlowKind.UNIONS_MOVED_IN, sign * unions);
            }
        }
    }

    /** A segment starting on {@code from} applies to the event: before its day, or on it for a starting flow. */
    private static boolean startsBeforeOrOn(java.time.LocalDate from, Event e) {
        return from.isBefore(e.on()) || from.equals(e.on()) && !e.kind().isEnding();
    }
}
