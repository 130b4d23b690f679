package vn.doanvien.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.security.Caller;
import vn.doanvien.security.PersonalData;
import vn.doanvien.security.Reach;
import vn.doanvien.security.audit.AuditTrail;
import vn.doanvien.spreadsheet.SheetFormat;
import vn.doanvien.spreadsheet.SheetReader;
import vn.doanvien.spreadsheet.SheetRow;

/**
 * Member list imports as jobs. At the upload the whole file is read once (a file that cannot be read, or whose
 * header lacks a required column, is refused then and creates nothing) and stored with the job, encrypted, in
 * parts ({@link ImportFiles}) until the job ends. {@link ImportRunner} then streams the file and hands over the
 * rows in chunks, each imported in one transaction together with the job's progress, so a restart resumes after
 * the last committed chunk and neither loses nor repeats rows. Within a chunk each row is an item of a bulk sync:
 * imported whole, or rejected with its reason and changing nothing; a file names each person once (a later row
 * with the same papers or external id is rejected). A dry run plans every row the same way and records the
 * outcomes, writing nothing to the registry. The rows are written as the uploader's: recorded in the audit trail
 * under their name and address, and kept inside an officer's (or API key's) subtree.
 */
@ApplicationScoped
@Transactional
public class ImportService {

    /** How much of a rejected row's cells is kept (the column holds 12,000 characters). */
    private static final int MAX_KEPT_CELL = 1000;
    private static final int MAX_KEPT_ROW = 11_000;

    private final ImportJobRepository jobs;
    private final ImportFiles files;
    private final MemberSyncService sync;
    private final SyncRepository repository;
    private final UnitRepository units;
    private final ObjectMapper json;
    private final int maxRows;

    ImportService(ImportJobRepository jobs, ImportFiles files, MemberSyncService sync, SyncRepository repository,
                  UnitRepository units, ObjectMapper json,
                  @ConfigProperty(name = "doanvien.import.max-rows", defaultValue = "1000000") int maxRows) {
        this.jobs = jobs;
        this.files = files;
        this.sync = sync;
        this.repository = repository;
        this.units = units;
        this.json = json;
        this.maxRows = maxRows;
    }

    /** A file as received: where it lies while the request lasts, and what the uploader said about it. */
    record Upload(Path file, long size, String fileName, String sheet, boolean dryRun) {
    }

    /** Reads the whole file, checks its header and stores the job, RUNNING with nothing done; the caller starts it. */
    ImportJobResponse create(Upload upload, Long grassrootsUnionId, Long upperLevelUnitId, Caller caller,
                             Reach reach) {
        if (upload.size() == 0) {
            throw ApiProblem.invalid("file", "is empty; send the CSV or XLSX file (as the request body, or as the "
                    + "form field \"file\" of multipart/form-data)");
        }
        if (upperLevelUnitId != null && !repository.isUpperLevelUnion(upperLevelUnitId)) {
            throw ApiProblem.invalid("upperLevelUnitId", "no upper-level union with id " + upperLevelUnitId);
        }
        if (upperLevelUnitId != null) {
            reach.requireWrite(upperLevelUnitId, "unit " + upperLevelUnitId);
        }
        if (grassrootsUnionId != null) {
            GrassrootsUnion union = repository.grassrootsUnions(List.of(grassrootsUnionId)).stream().findFirst()
                    .orElseThrow(() -> ApiProblem.invalid("grassrootsUnionId",
                            "no grassroots union with id " + grassrootsUnionId));
            reach.requireWrite(union.upperLevelUnitId, "grassroots union " + grassrootsUnionId);
        }
        if (!reach.everything() && reach.rootUnitId() == null) {
            throw reach.forbidden("an import");
        }
        SheetFormat format = detect(upload.file());
        int[] rows = {0};
        SheetReader.Header header;
        try (InputStream in = Files.newInputStream(upload.file())) {
            header = SheetReader.read(in, format, blankToNull(upload.sheet()), MemberColumns.HEADER,
                    new SheetReader.Rows() {
                        @Override
                        public void header(SheetReader.Header h) {
                            MemberColumns.of(h.cells(), grassrootsUnionId != null);
                        }

                        @Override
                        public void row(SheetRow row) {
                            if (++rows[0] > maxRows) {
                                throw ApiProblem.invalid("file", "has more than " + maxRows + " rows; split it");
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows[0] == 0) {
            throw ApiProblem.invalid("file", "has a header (row " + header.rowNumber() + ") but no rows");
        }
        ImportJob job = new ImportJob();
        job.status = ImportStatus.RUNNING;
        job.fileName = blankToNull(upload.fileName());
        job.format = format;
        job.fileSize = upload.size();
        job.dryRun = upload.dryRun();
        job.sheetName = header.sheet();
        job.headerRow = header.rowNumber();
        job.headerCells = cellsJson(header.cells());
        job.grassrootsUnionId = grassrootsUnionId;
        job.upperLevelUnitId = upperLevelUnitId;
        job.rowsTotal = rows[0];
        AuditTrail.Actor actor = AuditTrail.currentRequestActor();
        job.createdBy = caller.name();
        job.createdByRole = caller.role();
        job.apiKeyId = caller.apiKeyId();
        job.clientAddress = actor == null ? null : actor.clientAddress();
        job.userAgent = actor == null ? null : actor.userAgent();
        // the job runs in the background in the uploader's reach: an officer's subtree, or everything for an admin
        job.scopeUnitId = reach.rootUnitId();
        jobs.persist(job);
        jobs.flush();
        files.store(job.id, upload.file());
        return ImportJobResponse.of(job);
    }

    /** A union named by the uploader: its id, or its code as printed on its papers (any case). */
    Long grassrootsUnion(String name, String value) {
        if (value == null || value.isBlank() || value.matches("\\d+")) {
            return vn.doanvien.common.Params.id(name, value);
        }
        Long id = repository.grassrootsUnionIdsByCode(List.of(value.trim())).get(value.trim().toUpperCase(Locale.ROOT));
        if (id == null) {
            throw ApiProblem.invalid(name, "no grassroots union with code " + value.trim());
        }
        return id;
    }

    /** An upper-level unit named by the uploader: its id, or its code (LDLD-24). */
    Long unit(String name, String value) {
        if (value == null || value.isBlank() || value.matches("\\d+")) {
            return vn.doanvien.common.Params.id(name, value);
        }
        String code = value.trim();
        return units.findByCode(code).or(() -> units.findByCode(code.toUpperCase(Locale.ROOT)))
                .map(u -> u.id).orElseThrow(() -> ApiProblem.invalid(name, "no unit with code " + code));
    }

    private static SheetFormat detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return SheetFormat.detect(head, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportJobResponse get(long id, Reach reach) {
        return ImportJobResponse.of(jobs.get(id, reach));
    }

    /** The job and its rejected rows, in file order, with their cells, for the file of rejected rows. */
    RejectedRows rejected(long id, Reach reach) {
        ImportJob job = jobs.get(id, reach);
        List<RejectedRows.Row> rows = new ArrayList<>();
        for (ImportRejectedRow r : jobs.rejectedRows(job)) {
            rows.add(new RejectedRows.Row(r.key.rowNumber(), cells(PersonalData.decrypt(r.rawLine)), r.reason));
        }
        return new RejectedRows(job.id, job.headerCells == null ? null : cells(job.headerCells), rows);
    }

    List<Long> runningJobIds() {
        return jobs.runningJobIds();
    }

    /** What the runner needs to read a job's file. */
    record Run(long jobId, SheetFormat format, String sheet, int rowsDone, Long grassrootsUnionId) {
    }

    /** The job to run, or null when it is not RUNNING (done, failed, or gone). */
    Run begin(long id) {
        ImportJob job = jobs.lockForRun(id).orElse(null);
        if (job == null || job.status != ImportStatus.RUNNING) {
            return null;
        }
        return new Run(job.id, job.format, job.sheetName, job.rowsDone, job.grassrootsUnionId);
    }

    /**
     * Imports (or, for a dry run, plans) the rows of one chunk, which start at data row {@code from}, and records the
     * progress, in this one transaction; the job row is locked, and a chunk that another runner has already done
     * (two instances resuming the same job) is not done again. Returns true while rows remain.
     */
    boolean processChunk(long id, int from, List<SheetRow> rows, MemberColumns columns, FileMemory memory) {
        ImportJob job = jobs.lockForRun(id).orElse(null);
        if (job == null || job.status != ImportStatus.RUNNING || job.rowsDone != from) {
            return false;
        }
        AuditTrail.Actor uploader = new AuditTrail.Actor(job.createdBy == null ? "system" : job.createdBy,
                job.createdByRole, job.apiKeyId, job.clientAddress, job.userAgent);
        return AuditTrail.actingAs(uploader, () -> importChunk(job, rows, columns, memory));
    }

    private boolean importChunk(ImportJob job, List<SheetRow> rows, MemberColumns columns, FileMemory memory) {
        // An officer's upload stays inside their unit's subtree as it stands today, like their own requests.
        Reach reach = reachOf(job);
        Map<String, Long> codes = unionCodes(rows, columns);
        List<SyncMemberItem> items = new ArrayList<>();
        List<SheetRow> itemRows = new ArrayList<>();
        for (SheetRow row : rows) {
            try {
                items.add(columns.item(row.cells(), union(columns.unionReference(row.cells()), codes,
                        job.grassrootsUnionId)));
                itemRows.add(row);
            } catch (ApiProblem p) {
                reject(job, row, p.getMessage());
            }
        }
        int[] rowNumbers = itemRows.stream().mapToInt(SheetRow::number).toArray();
        EarlierItems earlier = memory.chunk(rowNumbers);
        List<SyncMembersResponse.Item> results = items.isEmpty() ? List.of() : job.dryRun
                ? sync.preview(job.upperLevelUnitId, items, reach, earlier)
                : sync.upsert(job.upperLevelUnitId, items, reach, earlier);
        for (int i = 0; i < results.size(); i++) {
            SyncMembersResponse.Item r = results.get(i);
            switch (r.outcome()) {
                case CREATED -> job.rowsCreated++;
                case UPDATED -> job.rowsUpdated++;
                case UNCHANGED -> job.rowsUnchanged++;
                case REJECTED -> reject(job, itemRows.get(i), reason(r.problem()));
            }
        }
        job.rowsDone += rows.size();
        if (job.rowsDone >= job.rowsTotal) {
            end(job, ImportStatus.DONE, null);
        }
        jobs.flush();
        return job.status == ImportStatus.RUNNING;
    }

    /** The ids of the union codes the chunk's rows name (a code of digits may be an id instead). */
    private Map<String, Long> unionCodes(List<SheetRow> rows, MemberColumns columns) {
        Set<String> references = new HashSet<>();
        for (SheetRow row : rows) {
            String ref = columns.unionReference(row.cells());
            if (ref != null) {
                references.add(ref);
            }
        }
        return repository.grassrootsUnionIdsByCode(references);
    }

    /** Mã CĐCS: a union's code (any case), else its id; the job's union when the row names none. */
    private static Long union(String reference, Map<String, Long> codes, Long defaultUnion) {
        if (reference == null) {
            return defaultUnion;
        }
        Long byCode = codes.get(reference.toUpperCase(Locale.ROOT));
        if (byCode != null) {
            return byCode;
        }
        if (reference.matches("\\d{1,18}")) {
            return Long.parseLong(reference);
        }
        throw ApiProblem.badRequest("grassrootsUnionId (Mã CĐCS): no grassroots union with code " + reference);
    }

    /**
     * Ends a job after its last chunk: DONE when every row the upload counted was handed over, else FAILED (the
     * stored file no longer reads as it did).
     */
    void finish(long id, int rowsRead) {
        ImportJob job = jobs.lockForRun(id).orElse(null);
        if (job != null && job.status == ImportStatus.RUNNING) {
            if (rowsRead < job.rowsTotal || job.rowsDone < job.rowsTotal) {
                end(job, ImportStatus.FAILED, "the stored file has " + rowsRead + " rows, not the " + job.rowsTotal
                        + " counted at the upload; rows before " + job.rowsDone + " are imported");
            } else {
                end(job, ImportStatus.DONE, null);
            }
        }
    }

    /** The uploader's reach: an officer's (or API key's) subtree today, everything for an admin's job. */
    private Reach reachOf(ImportJob job) {
        if (job.scopeUnitId == null) {
            return Reach.background("import " + job.id + " of an admin");
        }
        List<Long> subtree = units.subtreeIds(job.scopeUnitId, Today.date());
        // the uploader's unit was dissolved meanwhile: the rest of the file is rejected row by row
        return subtree.isEmpty() ? Reach.subtree(job.scopeUnitId, List.of(job.scopeUnitId))
                : Reach.subtree(job.scopeUnitId, subtree);
    }

    /** Marks a job FAILED (an unexpected error), so it is not resumed forever. */
    void fail(long id, String why) {
        ImportJob job = jobs.lockForRun(id).orElse(null);
        if (job != null && job.status == ImportStatus.RUNNING) {
            end(job, ImportStatus.FAILED, why.length() > 1000 ? why.substring(0, 1000) : why);
        }
    }

    private void end(ImportJob job, ImportStatus status, String failure) {
        job.status = status;
        job.failure = failure;
        files.delete(job.id);
    }

    private void reject(ImportJob job, SheetRow row, String reason) {
        ImportRejectedRow r = new ImportRejectedRow();
        r.key = new ImportRejectedRow.Key(job.id, row.number());
        r.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        // The cells hold personal data: stored encrypted, shown in clear only in the rejected rows' download.
        r.rawLine = PersonalData.encrypt(cellsJson(row.cells()));
        jobs.addRejectedRow(r);
        job.rowsRejected++;
    }

    /** Cells as a JSON array, each cut to a length that keeps the whole within its column. */
    private String cellsJson(List<String> cells) {
        List<String> kept = new ArrayList<>();
        int total = 2;
        for (String c : cells) {
            String cell = c.length() > MAX_KEPT_CELL ? c.substring(0, MAX_KEPT_CELL) : c;
            total += cell.length() + 4;
            if (total > MAX_KEPT_ROW) {
                break;
            }
            kept.add(cell);
        }
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cells of a stored row: a JSON array, or (rows rejected before #20) the cells joined with ';'. */
    private List<String> cells(String stored) {
        if (stored == null) {
            return List.of();
        }
        if (stored.startsWith("[")) {
            try {
                return json.readValue(stored, new TypeReference<List<String>>() { });
            } catch (JsonProcessingException e) {
                // fall through: text that only starts like JSON
            }
        }
        return Arrays.asList(stored.split(";", -1));
    }

    private static String reason(Problem p) {
        if (p == null) {
            return "rejected";
        }
        return p.detail() == null ? p.title() : p.detail();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
