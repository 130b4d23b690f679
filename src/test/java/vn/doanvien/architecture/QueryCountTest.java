package vn.doanvien.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No page of the app is counted through Panache's query counts ({@code PanacheQuery.count()}, a repository's
 * {@code count(query, Map)} or {@code count(query, Parameters)}): they go through Hibernate's
 * {@code getResultCount()}, which makes a new plan and translates the query again at every call. A page counts
 * through {@code common/PagedQuery}, an HQL count of its own (docs/architecture.md; {@code QueryPlansTest}).
 */
class QueryCountTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.doanvien");

    @Test
    void noPageIsCountedThroughPanachesQueryCounts() {
        DescribedPredicate<JavaCall<?>> queryCount = target(
                owner(JavaClass.Predicates.assignableTo(PanacheQuery.class)))
                .and(target(name("count")));
        DescribedPredicate<JavaCall<?>> repositoryCount = target(
                owner(JavaClass.Predicates.assignableTo(PanacheRepositoryBase.class)))
                .and(target(name("count")))
                .and(target(rawParameterTypes(String.class, Map.class))
                        .or(target(rawParameterTypes(String.class, Parameters.class))));
        noClasses().should().callMethodWhere(queryCount.or(repositoryCount).as("a Panache query count"))
                .because("it translates the query again at every call; count a page through PagedQuery")
                .check(CLASSES);
    }
}
