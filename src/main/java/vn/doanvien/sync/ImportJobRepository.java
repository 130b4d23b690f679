package vn.doanvien.sync;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/**
 * Queries on import jobs and their rejected rows. A job is placed at the unit of the officer who uploaded it,
 * else at the upper-level unit or grassroots union it names; an admin's job that names neither is an admin's only.
 */
@ApplicationScoped
@Scoped
class ImportJobRepository implements PanacheRepository<ImportJob> {

    /** The job, or 404; 403 outside the caller's reach. */
    ImportJob get(long id, Reach reach) {
        ImportJob job = findById(id);
        if (job == null) {
            throw ApiProblem.notFound("Import", id);
        }
        reach.requirePersonal(placeOf(job), "import " + id);
        return job;
    }

    private Long placeOf(ImportJob job) {
        if (job.scopeUnitId != null) {
            return job.scopeUnitId;
        }
        if (job.upperLevelUnitId != null) {
            return job.upperLevelUnitId;
        }
        if (job.grassrootsUnionId != null) {
            return getEntityManager().createQuery("select g.upperLevelUnitId from GrassrootsUnion g where g.id = :id",
                            Long.class)
                    .setParameter("id", job.grassrootsUnionId).getResultStream().findFirst().orElse(null);
        }
        return null;
    }

    /** The rejected rows of a job already read in reach, in file order. */
    @Unscoped("the rows of a job already read in reach")
    List<ImportRejectedRow> rejectedRows(ImportJob job) {
        return getEntityManager().createQuery(
                        "from ImportRejectedRow r where r.key.jobId = :id order by r.key.rowNumber",
                        ImportRejectedRow.class)
                .setParameter("id", job.id).getResultList();
    }

    @Unscoped("a row of a job the runner holds")
    void addRejectedRow(ImportRejectedRow row) {
        getEntityManager().persist(row);
    }

    @Unscoped("background work: the jobs to resume after a restart")
    List<Long> runningJobIds() {
        return getEntityManager().createQuery("select j.id from ImportJob j where j.status = :s order by j.id",
                        Long.class)
                .setParameter("s", ImportStatus.RUNNING).getResultList();
    }

    /** The job, its row locked while a chunk runs, for the background runner (which acts in the uploader's reach). */
    @Unscoped("background work: the runner holds no caller and acts in the reach stored with the job")
    Optional<ImportJob> lockForRun(long id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Unscoped("a part of the file of a job being created in reach")
    void addFilePart(long jobId, int partNo, byte[] sealed) {
        getEntityManager().createNativeQuery("insert into import_file_part (job_id, part_no, content) values (?1, ?2, ?3)")
                .setParameter(1, jobId).setParameter(2, partNo).setParameter(3, sealed).executeUpdate();
    }

    /** A part of a job's file, sealed; null past the last one. */
    @Unscoped("background work: the runner reads the file of the job it holds")
    byte[] filePart(long jobId, int partNo) {
        List<?> rows = getEntityManager().createNativeQuery(
                        "select content from import_file_part where job_id = ?1 and part_no = ?2")
                .setParameter(1, jobId).setParameter(2, partNo).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    @Unscoped("background work: the file of a job that has ended")
    void deleteFile(long jobId) {
        getEntityManager().createNativeQuery("delete from import_file_part where job_id = ?1")
                .setParameter(1, jobId).executeUpdate();
    }
}
