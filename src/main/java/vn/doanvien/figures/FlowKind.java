package vn.doanvien.figures;

/** The flows kept per unit and day; members and grassroots unions each have a stock moved by four flows. */
enum FlowKind {
    JOINED,
    LEFT,
    TRANSFERS_IN,
    TRANSFERS_OUT,
    UNIONS_FOUNDED,
    UNIONS_DISSOLVED,
    UNIONS_MOVED_IN,
    UNIONS_MOVED_OUT;

    static final int COUNT = values().length;

    /** +1 or -1: how this flow changes the member stock (0 for union flows). */
    int memberSign() {
        return switch (this) {
            case JOINED, TRANSFERS_IN -> 1;
            case LEFT, TRANSFERS_OUT -> -1;
            default -> 0;
        };
    }

    /**
     * Whether the flow ends a presence (a departure, a transfer out, a dissolution). Such a flow on the day
     * the tree changes belongs to where the member or union was the day before.
     */
    boolean isEnding() {
        return this == LEFT || this == TRANSFERS_OUT || this == UNIONS_DISSOLVED || this == UNIONS_MOVED_OUT;
    }

    /** +1 or -1: how this flow changes the grassroots-union stock (0 for member flows). */
    int unionSign() {
        return switch (this) {
            case UNIONS_FOUNDED, UNIONS_MOVED_IN -> 1;
            case UNIONS_DISSOLVED, UNIONS_MOVED_OUT -> -1;
            default -> 0;
        };
    }
}
