package vn.doanvien.sync;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A row of an import that was not imported, and why. */
@Entity
@Table(name = "import_rejected_row")
public class ImportRejectedRow extends PanacheEntityBase {

    /** Job and row number in the file. */
    @Embeddable
    public record Key(@Column(name = "job_id") Long jobId, @Column(name = "row_no") Integer rowNumber)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public String reason;

    @Column(name = "raw_line")
    public String rawLine;
}
