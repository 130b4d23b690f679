package vn.doanvien.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/** Runs import jobs in the background, one chunk per transaction, and resumes the RUNNING ones at startup. */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportService imports;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-import");
        t.setDaemon(true);
        return t;
    });

    ImportRunner(ImportService imports) {
        this.imports = imports;
    }

    void onStart(@Observes StartupEvent event) {
        List<Long> running = QuarkusTransaction.requiringNew().call(imports::runningJobIds);
        if (!running.isEmpty()) {
            LOG.infof("resuming %d import job(s) left RUNNING: %s", running.size(), running);
            running.forEach(this::start);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Queues a job; the chunks already committed are not imported again. */
    void start(long jobId) {
        executor.submit(() -> run(jobId));
    }

    /** Imports the remaining chunks of a job in this thread. */
    void run(long jobId) {
        try {
            while (QuarkusTransaction.requiringNew().call(() -> imports.processChunk(jobId))) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // shutting down: the job stays RUNNING and resumes at the next start
                }
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            LOG.errorf(e, "import job %d failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> imports.fail(jobId, "unexpected error: " + e.getClass()
                    .getSimpleName() + "; the rows before it are imported, see rowsDone"));
        }
    }
}
