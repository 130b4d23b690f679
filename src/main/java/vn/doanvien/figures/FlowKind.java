package vn.doanvien.figures;

/**
 * The flows kept per unit and day; members and grassroots unions each have a stock moved by four flows. The
 * last two move members between the values of a dimension they pass through with time (an age band on a
 * birthday); only the figures by dimension keep them.
 */
enum FlowKind {
    JOINED,
    LEFT,
    TRANSFERS_IN,
    TRANSFERS_OUT,
    UNIONS_FOUNDED,
    UNIONS_DISSOLVED,
    UNIONS_MOVED_IN,
    UNIONS_MOVED_OUT,
    RECLASSIFIED_IN,
    RECLASSIFIED_OUT;

    /** The flows of a unit's own rows (unit_day_figure and its rollups): the first eight. */
    static final int COUNT = 8;
    /**
     * The columns of a row by dimension: the eight flows of a unit's row, the two reclassifications, and, for
     * workplace dimensions, the net change of the workforce of the enterprises of active grassroots unions and of
     * the members of those of them whose workforce is known (members per 100 workers).
     */
    static final int DIMENSION_COUNT = 12;
    static final int WORKFORCE_COLUMN = 10;
    static final int MEMBERS_WITH_WORKFORCE_COLUMN = 11;

    /** The column of a row by dimension this flow adds to. */
    int dimensionColumn() {
        return ordinal();
    }

    /** +1 or -1: how this flow changes the member stock (0 for union flows). */
    int memberSign() {
        return switch (this) {
            case JOINED, TRANSFERS_IN, RECLASSIFIED_IN -> 1;
            case LEFT, TRANSFERS_OUT, RECLASSIFIED_OUT -> -1;
            default -> 0;
        };
    }

    /**
     * Whether the flow ends a presence (a departure, a transfer out, a dissolution). Such a flow on the day
     * the tree changes belongs to where the member or union was the day before.
     */
    boolean isEnding() {
        return this == LEFT || this == TRANSFERS_OUT || this == UNIONS_DISSOLVED || this == UNIONS_MOVED_OUT
                || this == RECLASSIFIED_OUT;
    }

    /** +1 or -1: how this flow changes the grassroots-union stock (0 for member flows). */
    int unionSign() {
        return switch (this) {
            case UNIONS_FOUNDED, UNIONS_MOVED_IN -> 1;
            case UNIONS_DISSOLVED, UNIONS_MOVED_OUT -> -1;
            default -> 0;
        };
    }

    private static final FlowKind[] ALL = values();

    /**
     * The member stock that flows add up to, the flows indexed by kind (a unit's row, its first {@value #COUNT}
     * kinds, or a row by dimension, every kind; kinds past the array's end count as none).
     */
    static long memberStock(long[] flows) {
        long stock = 0;
        for (int i = 0; i < Math.min(ALL.length, flows.length); i++) {
            stock += ALL[i].memberSign() * flows[i];
        }
        return stock;
    }

    /** The grassroots-union stock that flows add up to, indexed as in {@link #memberStock}. */
    static long unionStock(long[] flows) {
        long stock = 0;
        for (int i = 0; i < Math.min(ALL.length, flows.length); i++) {
            stock += ALL[i].unionSign() * flows[i];
        }
        return stock;
    }
}
