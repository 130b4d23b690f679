package vn.doanvien.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.spreadsheet.SheetReader;
import vn.doanvien.spreadsheet.SheetRow;

/**
 * Runs import jobs in the background and resumes the RUNNING ones at startup. A job's file is streamed once from
 * the database; its rows go to {@link ImportService#processChunk} a chunk at a time, each chunk in its own
 * transaction. After a restart the rows already done are read again only to recall whom they named.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportService imports;
    private final ImportFiles files;
    private final int chunkSize;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-import");
        t.setDaemon(true);
        return t;
    });

    ImportRunner(ImportService imports, ImportFiles files,
                 @ConfigProperty(name = "doanvien.import.chunk-size", defaultValue = "500") int chunkSize) {
        this.imports = imports;
        this.files = files;
        this.chunkSize = chunkSize;
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
        run(jobId, Integer.MAX_VALUE);
    }

    /**
     * Imports at most {@code maxChunks} of the remaining chunks of a job in this thread (fewer than all of them
     * leaves the job RUNNING, as a crash would).
     */
    void run(long jobId, int maxChunks) {
        try {
            ImportService.Run run = QuarkusTransaction.requiringNew().call(() -> imports.begin(jobId));
            if (run == null) {
                return;
            }
            Reading reading = new Reading(run, maxChunks);
            try (InputStream in = files.open(jobId)) {
                SheetReader.read(in, run.format(), run.sheet(), MemberColumns.HEADER, reading);
            }
            if (reading.stopped) {
                return;
            }
            reading.flush();
            if (!reading.stopped) {
                QuarkusTransaction.requiringNew().run(() -> imports.finish(jobId, reading.index));
            }
        } catch (ApiProblem p) {
            LOG.errorf("import job %d: its stored file cannot be read: %s", jobId, p.getMessage());
            failed(jobId, "the stored file cannot be read: " + p.getMessage());
        } catch (RuntimeException | IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // shutting down: the job stays RUNNING and resumes at the next start
            }
            LOG.errorf(e, "import job %d failed", jobId);
            failed(jobId, "unexpected error: " + e.getClass().getSimpleName()
                    + "; the rows before it are imported, see rowsDone");
        }
    }

    private void failed(long jobId, String why) {
        QuarkusTransaction.requiringNew().run(() -> imports.fail(jobId, why));
    }

    /** Collects the rows of a job into chunks and hands each over in its own transaction. */
    private final class Reading implements SheetReader.Rows {
        private final ImportService.Run run;
        private final FileMemory memory = new FileMemory();
        private final List<SheetRow> chunk = new ArrayList<>();
        private int chunksLeft;
        private MemberColumns columns;
        private int index;
        private boolean stopped;

        Reading(ImportService.Run run, int maxChunks) {
            this.run = run;
            this.chunksLeft = maxChunks;
        }

        @Override
        public void header(SheetReader.Header header) {
            columns = MemberColumns.of(header.cells(), run.grassrootsUnionId() != null);
        }

        @Override
        public void row(SheetRow row) {
            int i = index++;
            if (i < run.rowsDone()) {
                // imported before a restart: recalled, so that a later row naming the same person is still refused
                String[] identity = columns.identity(row.cells());
                if (identity != null) {
                    memory.remember(row.number(), identity[0], identity[1], null);
                }
                return;
            }
            chunk.add(row);
            if (chunk.size() >= chunkSize) {
                flush();
                if (stopped) {
                    throw new SheetReader.Stop();
                }
            }
        }

        void flush() {
            if (chunk.isEmpty() || stopped) {
                return;
            }
            if (chunksLeft-- <= 0 || Thread.currentThread().isInterrupted()) {
                stopped = true; // the job stays RUNNING: resumed by the next runner
                return;
            }
            int from = index - chunk.size();
            List<SheetRow> rows = List.copyOf(chunk);
            chunk.clear();
            boolean more = QuarkusTransaction.requiringNew().call(() -> imports.processChunk(run.jobId(), from, rows,
                    columns, memory));
            if (!more) {
                stopped = true; // done, failed, or taken over by another runner
            }
        }
    }
}
