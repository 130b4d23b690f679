package vn.doanvien.common;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Tests only: the SQL that Hibernate prepares while {@link #record} runs, for tests about the statements' text.
 * Outside a recording it returns each statement unchanged and keeps nothing.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class RecordedSql implements StatementInspector {

    private List<String> recording;

    @Override
    public synchronized String inspect(String sql) {
        if (recording != null) {
            recording.add(sql);
        }
        return sql;
    }

    /** The statements prepared while {@code action} ran, in order. */
    public List<String> record(Runnable action) {
        synchronized (this) {
            recording = new ArrayList<>();
        }
        try {
            action.run();
        } finally {
            synchronized (this) {
                List<String> seen = recording;
                recording = null;
                return List.copyOf(seen);
            }
        }
    }
}
