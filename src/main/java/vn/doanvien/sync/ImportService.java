package vn.doanvien.sync;

import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.security.Caller;
import vn.doanvien.security.PersonalData;
import vn.doanvien.security.audit.AuditTrail;

/**
 * Member list imports as jobs. The file is stored with the job, encrypted, until the job ends; rows are imported
 * in chunks, each chunk in one transaction together with the job's progress, so a restart resumes after the last
 * committed chunk and neither loses nor repeats rows. Within a chunk each row is an item of a bulk sync: imported
 * whole, or rejected with its reason and changing nothing. The rows are written as the uploader's: recorded in
 * the audit trail under their name and address, and kept inside an officer's (or API key's) subtree.
 */
@ApplicationScoped
@Transactional
public class ImportService {

    private final ImportJobRepository jobs;
    private final MemberSyncService sync;
    private final SyncRepository repository;
    private final UnitRepository units;
    private final int chunkSize;
    /** Parsed files of running jobs, so that each chunk does not parse the file again. */
    private final Map<Long, MemberFile.Table> parsed = new ConcurrentHashMap<>();

    ImportService(ImportJobRepository jobs, MemberSyncService sync, SyncRepository repository, UnitRepository units,
                  @ConfigProperty(name = "doanvien.import.chunk-size", defaultValue = "500") int chunkSize) {
        this.jobs = jobs;
        this.sync = sync;
        this.repository = repository;
        this.units = units;
        this.chunkSize = chunkSize;
    }

    /** Checks the file's header and stores the job, RUNNING with nothing done; the caller starts it. */
    ImportJobResponse create(byte[] content, String fileName, Long grassrootsUnionId, Long upperLevelUnitId,
                             Caller caller, Reach reach) {
        if (content == null || content.length == 0) {
            throw ApiProblem.invalid("file", "is empty; send the CSV or XLSX file as the request body");
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
        MemberFile.Format format = MemberFile.detect(content, null);
        MemberFile.Table table = MemberFile.read(content, format);
        MemberColumns.of(table.header(), grassrootsUnionId != null);
        if (table.rows().isEmpty()) {
            throw ApiProblem.invalid("file", "has a header but no rows");
        }
        ImportJob job = new ImportJob();
        job.status = ImportStatus.RUNNING;
        job.fileName = fileName == null || fileName.isBlank() ? null : fileName.trim();
        job.format = format;
        job.content = PersonalData.sealFile(content);
        job.grassrootsUnionId = grassrootsUnionId;
        job.upperLevelUnitId = upperLevelUnitId;
        job.rowsTotal = table.rows().size();
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
        return ImportJobResponse.of(job);
    }

    ImportJobResponse get(long id, Reach reach) {
        return ImportJobResponse.of(jobs.get(id, reach));
    }

    /** The rejected rows, in file order. */
    List<ImportRejectedRow> rejected(long id, Reach reach) {
        return jobs.rejectedRows(jobs.get(id, reach));
    }

    List<Long> runningJobIds() {
        return jobs.runningJobIds();
    }

    /**
     * Imports the next chunk of a job and records the progress, in this one transaction; the job row is
     * locked so two runners never take the same chunk. Returns true while rows remain.
     */
    boolean processChunk(long id) {
        ImportJob job = jobs.lockForRun(id).orElse(null);
        if (job == null || job.status != ImportStatus.RUNNING) {
            return false;
        }
        AuditTrail.Actor uploader = new AuditTrail.Actor(job.createdBy == null ? "system" : job.createdBy,
                job.createdByRole, job.apiKeyId, job.clientAddress, job.userAgent);
        return AuditTrail.actingAs(uploader, () -> importChunk(job));
    }

    private boolean importChunk(ImportJob job) {
        long id = job.id;
        if (job.content == null) {
            job.status = ImportStatus.FAILED;
            job.failure = "the stored file is gone; upload it again";
            return false;
        }
        MemberFile.Table table = parsed.computeIfAbsent(id, k -> MemberFile.read(PersonalData.openFile(job.content),
                job.format));
        // An officer's upload stays inside their unit's subtree as it stands today, like their own requests.
        Reach reach = reachOf(job);
        MemberColumns columns = MemberColumns.of(table.header(), job.grassrootsUnionId != null);
        int from = job.rowsDone;
        int to = Math.min(table.rows().size(), from + chunkSize);
        List<SyncMemberItem> items = new ArrayList<>();
        List<MemberFile.Row> itemRows = new ArrayList<>();
        for (MemberFile.Row row : table.rows().subList(from, to)) {
            try {
                items.add(columns.item(row.cells(), job.grassrootsUnionId));
                itemRows.add(row);
            } catch (ApiProblem p) {
                reject(job, row, p.getMessage());
            }
        }
        List<SyncMembersResponse.Item> results = items.isEmpty() ? List.of()
                : sync.upsert(job.upperLevelUnitId, items, reach);
        for (int i = 0; i < results.size(); i++) {
            SyncMembersResponse.Item r = results.get(i);
            switch (r.outcome()) {
                case CREATED -> job.rowsCreated++;
                case UPDATED -> job.rowsUpdated++;
                case UNCHANGED -> job.rowsUnchanged++;
                case REJECTED -> reject(job, itemRows.get(i), reason(r.problem()));
            }
        }
        job.rowsDone = to;
        if (to >= table.rows().size()) {
            job.status = ImportStatus.DONE;
            job.content = null;
            parsed.remove(id);
        }
        jobs.flush();
        return job.status == ImportStatus.RUNNING;
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
            job.status = ImportStatus.FAILED;
            job.failure = why.length() > 1000 ? why.substring(0, 1000) : why;
            job.content = null;
        }
        parsed.remove(id);
    }

    private void reject(ImportJob job, MemberFile.Row row, String reason) {
        ImportRejectedRow r = new ImportRejectedRow();
        r.key = new ImportRejectedRow.Key(job.id, row.number());
        r.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        // The cells hold personal data: stored encrypted, shown in clear only in the rejected rows' download.
        String raw = String.join(";", row.cells());
        r.rawLine = PersonalData.encrypt(raw.length() > 2000 ? raw.substring(0, 2000) : raw);
        jobs.addRejectedRow(r);
        job.rowsRejected++;
    }

    private static String reason(Problem p) {
        if (p == null) {
            return "rejected";
        }
        return p.detail() == null ? p.title() : p.detail();
    }

}
