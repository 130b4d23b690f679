package vn.doanvien.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository of rows that belong somewhere in the tree (members, units, enterprises, ...). Its methods
 * that return or change rows take the caller's {@link Reach}, or say why not with {@link Unscoped}; no class but
 * the repository itself calls Panache's unscoped finders on it or on its entity. {@code ScopeArchitectureTest}
 * holds the code to this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Scoped {
}
