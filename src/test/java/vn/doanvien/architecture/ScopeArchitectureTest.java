package vn.doanvien.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/**
 * Holds the code to the scope model (README, Security): rows that belong somewhere in the tree are read and
 * changed only through {@link Scoped} repositories, whose methods take the caller's {@link Reach} or say why not
 * ({@link Unscoped}). A new query that forgets the reach, a service that calls Panache's finders directly, or an
 * entity's static finder called from a service fails this test before it can leak a row.
 */
class ScopeArchitectureTest {

    /**
     * Panache's own reads and writes, which know nothing of a reach. Persisting, flushing and deleting one entity
     * in hand (read in reach first) are not among them.
     */
    private static final Set<String> PANACHE_QUERIES = Set.of("findById", "findByIdOptional", "find", "findAll",
            "list", "listAll", "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update",
            "getEntityManager", "getSession");

    /** EntityManager methods that read rows or run statements. */
    private static final Set<String> ENTITY_MANAGER_QUERIES = Set.of("find", "getReference", "createQuery",
            "createNativeQuery", "createNamedQuery", "createStoredProcedureQuery",
            "createNamedStoredProcedureQuery", "createMutationQuery", "createSelectionQuery");

    /**
     * Classes other than repositories that may use the EntityManager directly, each for a reason: work that no
     * caller asks for, or writes of the system's own records.
     */
    private static final Set<String> INFRASTRUCTURE = Set.of(
            "vn.doanvien.demo.",                          // the demo loader, at start
            "vn.doanvien.figures.",                       // the ledger and the recount: figures of the whole tree
            "vn.doanvien.organisation.UnitTrees",         // the dated links of units, ids only, kept in memory
            "vn.doanvien.security.PersonalDataMigration", // encrypts old rows at start
            "vn.doanvien.security.AccountService",        // users and API keys, admins only (reach checked)
            "vn.doanvien.security.DemoAccounts",          // the demo accounts, at start
            "vn.doanvien.security.audit.AuditTrail",      // writes audit entries of a write already in reach
            "vn.doanvien.sync.ChangeRecorder",            // writes feed entries of a write already in reach
            "vn.doanvien.sync.ChangeInterceptor",
            "vn.doanvien.common.EntityInterceptors",
            "vn.doanvien.common.PagedQuery");             // counts the rows of a query its repository built in reach

    private static JavaClasses classes;
    private static Set<String> scopedRepositories;
    private static Set<String> scopedEntities;

    @BeforeAll
    static void importClasses() throws ClassNotFoundException {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.doanvien");
        scopedRepositories = new TreeSet<>();
        scopedEntities = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.isAnnotatedWith(Scoped.class)) {
                scopedRepositories.add(c.getName());
                for (Type t : Class.forName(c.getName()).getGenericInterfaces()) {
                    if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > 0
                            && p.getActualTypeArguments()[0] instanceof Class<?> entity) {
                        scopedEntities.add(entity.getName());
                    }
                }
            }
        }
    }

    @Test
    void theScopedRowsAreKnown() {
        // a scan that found nothing would make every rule below pass
        for (String entity : List.of("Member", "Unit", "Enterprise", "GrassrootsUnion", "Target", "Official",
                "TrainingCourse", "ImportJob", "JoinRequest", "AuditEntry", "MembershipPeriod", "ReportedFigure",
                "MemberCount", "TrainingEnrolment")) {
            assertTrue(scopedEntities.stream().anyMatch(e -> e.endsWith("." + entity)),
                    entity + " has no @Scoped repository; found " + scopedEntities);
        }
    }

    @Test
    void everyMethodOfAScopedRepositoryTakesTheReachOrSaysWhyNot() {
        List<String> undecided = new ArrayList<>();
        for (String name : scopedRepositories) {
            for (JavaMethod m : classes.get(name).getMethods()) {
                if (m.getModifiers().contains(JavaModifier.PRIVATE) || m.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || m.getModifiers().contains(JavaModifier.BRIDGE)) {
                    continue;
                }
                boolean takesReach = m.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Reach.class));
                boolean saysWhy = m.isAnnotatedWith(Unscoped.class)
                        && !m.getAnnotationOfType(Unscoped.class).value().isBlank();
                if (!takesReach && !saysWhy) {
                    undecided.add(m.getFullName());
                }
            }
        }
        assertEquals(List.of(), undecided, "methods of @Scoped repositories with neither a Reach nor @Unscoped(why)");
    }

    @Test
    void panacheFindersOfScopedRepositoriesAreCalledOnlyInsideThem() {
        List<String> calls = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                String owner = call.getTargetOwner().getName();
                boolean scopedTarget = scopedRepositories.contains(owner) || scopedEntities.contains(owner);
                boolean oneEntityInHand = call.getName().equals("delete")
                        && call.getTarget().getRawParameterTypes().size() == 1
                        && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(Object.class);
                if (scopedTarget && PANACHE_QUERIES.contains(call.getName()) && !oneEntityInHand
                        && !sameHome(c, owner) && !infrastructure(c)) {
                    calls.add(call.getDescription());
                }
            }
        }
        assertEquals(List.of(), calls, "Panache reads of scoped rows outside their repository");
    }

    @Test
    void onlyRepositoriesAndNamedInfrastructureQueryTheDatabase() {
        Set<String> calls = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getSimpleName().endsWith("Repository") || c.isAnnotatedWith(Scoped.class) || infrastructure(c)) {
                continue;
            }
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().isAssignableTo(EntityManager.class)
                        && ENTITY_MANAGER_QUERIES.contains(call.getName())) {
                    calls.add(call.getDescription());
                }
            }
        }
        assertEquals(Set.of(), calls, "EntityManager queries outside repositories");
    }

    /** The repository itself, its nested classes, or the entity calling its own static methods. */
    private static boolean sameHome(JavaClass caller, String owner) {
        String name = caller.getName();
        if (name.equals(owner) || name.startsWith(owner + "$")) {
            return true;
        }
        Set<String> homes = new HashSet<>();
        for (String repository : scopedRepositories) {
            try {
                for (Type t : Class.forName(repository).getGenericInterfaces()) {
                    if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e
                            && e.getName().equals(owner)) {
                        homes.add(repository);
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return homes.stream().anyMatch(h -> name.equals(h) || name.startsWith(h + "$"));
    }

    private static boolean infrastructure(JavaClass c) {
        return INFRASTRUCTURE.stream().anyMatch(prefix -> c.getName().equals(prefix)
                || prefix.endsWith(".") && c.getName().startsWith(prefix)
                || c.getName().startsWith(prefix + "$"));
    }
}
