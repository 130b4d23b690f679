package vn.doanvien.figures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.doanvien.common.HeapRelease;

/**
 * Startup work on the figures. Always: when the figures by dimension are missing (the first start after migration
 * V16 introduced them) they are built from the registry, a few hundred grassroots unions per transaction, by the
 * ledger's own code; once a month, the level-3 units' day rows older than those still kept are deleted ({@link
 * LevelThree}).
 * Then an operator's one-off action chosen by {@code doanvien.figures.on-start}: {@code none}
 * (the default), {@code check} (log whether the stored figures equal a recount from the registry) or
 * {@code rebuild} (replace them by a recount, e.g. after a bulk load that bypassed the ledger). Used by the
 * benchmark in bench/progress to verify figures generated in SQL.
 */
@ApplicationScoped
class FiguresStartupCheck {

    private static final Logger LOG = Logger.getLogger(FiguresStartupCheck.class);
    private static final int TIMEOUT_SECONDS = 24 * 3600;

    private final FiguresRecount recount;
    private final DimensionsBuild build;
    private final String action;

    FiguresStartupCheck(FiguresRecount recount, DimensionsBuild build,
                        @ConfigProperty(name = "doanvien.figures.on-start", defaultValue = "none") String action) {
        this.recount = recount;
        this.build = build;
        this.action = action;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        build.dropPairsNoLongerKept();
        if (build.run()) {
            HeapRelease.afterOneOffTask("the build of the figures by dimension");
        }
        build.dropOldLevelThreeDays();
        switch (action) {
            case "none" -> {
                return;
            }
            case "check" -> {
                String differences = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                        .call(recount::differences);
                if (differences.isEmpty()) {
                    LOG.infof("Figures check: stored figures match a recount (%d ms)", millisSince(started));
                } else {
                    String[] lines = differences.split("\n");
                    LOG.errorf("Figures check: %d rows differ from a recount (%d ms), first: %s", lines.length,
                            millisSince(started), lines[0]);
                }
            }
            case "rebuild" -> {
                QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(recount::rebuild);
                LOG.infof("Figures rebuilt from a recount in %d ms", millisSince(started));
            }
            default -> LOG.errorf("doanvien.figures.on-start=%s: expected none, check or rebuild", action);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
