package vn.doanvien.sync;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import vn.doanvien.spreadsheet.SheetFormat;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A member list file being imported; its progress is committed with each chunk of rows. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_job_seq")
    @SequenceGenerator(name = "import_job_seq", sequenceName = "import_job_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    public ImportStatus status;

    @Column(name = "file_name")
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_format")
    public SheetFormat format;

    /** The file's size in bytes. The file itself is in {@code import_file_part} until the job ends. */
    @Column(name = "file_size")
    public Long fileSize;

    /** A dry run plans every row and records the outcomes, writing nothing to the registry. */
    @Column(name = "dry_run")
    public boolean dryRun;

    /** The worksheet read (XLSX), as found or named at the upload. */
    @Column(name = "sheet_name")
    public String sheetName;

    /** The row of the header, as a spreadsheet numbers it. */
    @Column(name = "header_row")
    public Integer headerRow;

    /** The header's cells as a JSON array, for the file of rejected rows. */
    @Column(name = "header_cells")
    public String headerCells;

    @Column(name = "grassroots_union_id")
    public Long grassrootsUnionId;

    @Column(name = "upper_level_unit_id")
    public Long upperLevelUnitId;

    @Column(name = "rows_total")
    public int rowsTotal;

    @Column(name = "rows_done")
    public int rowsDone;

    @Column(name = "rows_created")
    public int rowsCreated;

    @Column(name = "rows_updated")
    public int rowsUpdated;

    @Column(name = "rows_unchanged")
    public int rowsUnchanged;

    @Column(name = "rows_rejected")
    public int rowsRejected;

    public String failure;

    /** Who uploaded the file: the rows are written as theirs (audit trail) and within their reach. */
    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_by_role")
    public String createdByRole;

    @Column(name = "api_key_id")
    public Long apiKeyId;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    /** The unit whose subtree (in today's tree) bounds the rows of an officer's or API key's upload; null: none. */
    @Column(name = "scope_unit_id")
    public Long scopeUnitId;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
