package vn.doanvien.common;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Hibernate {@link org.hibernate.Interceptor} that wants to see every entity write (the change feed, the
 * audit trail). Hibernate takes one interceptor per persistence unit: {@link EntityInterceptors} is that one and
 * calls every bean marked with this qualifier.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface EntityWriteHook {
}
