package vn.doanvien.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.doanvien.security.PersonalData;

/**
 * The uploaded files of import jobs, in the database (so that any instance can resume a job after a restart) as
 * parts of {@value #PART_BYTES} bytes, each encrypted on its own ({@link PersonalData#sealFile}: a member list is
 * personal data). Written part by part from the upload and read back part by part: the file is never whole in
 * memory.
 */
@ApplicationScoped
class ImportFiles {

    static final int PART_BYTES = 1024 * 1024;

    private final ImportJobRepository jobs;

    ImportFiles(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    /** Stores the file of a job, in the current transaction. */
    void store(long jobId, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int part = 0;
            for (byte[] bytes = in.readNBytes(PART_BYTES); bytes.length > 0; bytes = in.readNBytes(PART_BYTES)) {
                jobs.addFilePart(jobId, part++, PersonalData.sealFile(bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of a job as a stream; each part is read in a transaction of its own when the stream reaches it. */
    InputStream open(long jobId) {
        return new InputStream() {
            private int next;
            private byte[] part = new byte[0];
            private int position;
            private boolean end;

            private boolean fill() {
                while (!end && position >= part.length) {
                    int partNo = next++;
                    byte[] sealed = QuarkusTransaction.requiringNew().call(() -> jobs.filePart(jobId, partNo));
                    if (sealed == null) {
                        end = true;
                    } else {
                        part = PersonalData.openFile(sealed);
                        position = 0;
                    }
                }
                return !end || position < part.length;
            }

            @Override
            public int read() {
                return fill() ? part[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, part.length - position);
                System.arraycopy(part, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    /** Removes a job's file, in the current transaction. */
    void delete(long jobId) {
        jobs.deleteFile(jobId);
    }
}
