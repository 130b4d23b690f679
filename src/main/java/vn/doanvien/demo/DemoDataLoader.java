package vn.doanvien.demo;

import vn.doanvien.security.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.doanvien.common.HeapRelease;
import vn.doanvien.common.Today;
import vn.doanvien.figures.DimensionsBuild;
import vn.doanvien.figures.FiguresRecount;
import vn.doanvien.organisation.UnitRepository;

/**
 * Fills an empty registry with the demo data on startup, so that a fresh checkout has something to browse in
 * Swagger UI. On when {@code doanvien.demo-data.enabled} is true (the default and prod profiles), off in test and pg.
 * It never touches a registry that already has units, so it runs once per database.
 */
@ApplicationScoped
class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final int TIMEOUT_SECONDS = 300;

    private final EntityManager em;
    private final UnitRepository units;
    private final boolean enabled;
    private final FiguresRecount figures;
    private final DimensionsBuild dimensionsBuild;

    DemoDataLoader(EntityManager em, UnitRepository units, FiguresRecount figures, DimensionsBuild dimensionsBuild,
                   @ConfigProperty(name = "doanvien.demo-data.enabled", defaultValue = "false") boolean enabled) {
        this.em = em;
        this.units = units;
        this.figures = figures;
        this.dimensionsBuild = dimensionsBuild;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            loadIfEmpty();
        }
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * Writes the demo registry in one transaction unless units exist, then builds its figures by dimension in
     * steps; true when it wrote.
     */
    boolean loadIfEmpty() {
        long started = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        // Writes outside requests are not audited (README, Audit trail): the demo is the registry's starting point.
        DemoDataGenerator.Counts counts = AuditTrail.unrecorded(() -> QuarkusTransaction.requiringNew()
                .timeout(TIMEOUT_SECONDS).call(() -> {
            if (units.count() > 0) {
                return null;
            }
            DemoDataGenerator.Counts written = new DemoDataGenerator(em, Today.date()).generate();
            int officials = new DemoOfficials(em).write();
            LOG.infof("Demo officials in Bắc Ninh: %d, two training courses, two pending join requests", officials);
            em.flush();
            // The generator writes rows directly; the figures are then computed from them in one pass, the
            // figures by dimension after the commit.
            figures.rebuildLeavingDimensionsToBuild();
            int reports = new DemoFigures(em, Today.date()).write();
            LOG.infof("Demo reported figures: %d; targets: the 15 million members and enterprise coverage", reports);
            return written;
        }));
        if (counts == null) {
            LOG.info("Demo data not loaded: the registry already has units");
            return false;
        }
        dimensionsBuild.run();
        HeapRelease.afterOneOffTask("the demo load");
        // CPU time too: on a busy machine the wall-clock time says little about the loader itself.
        LOG.infof("Demo data loaded in %d ms (%d ms CPU): %s", (System.nanoTime() - started) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000, counts);
        return true;
    }
}
